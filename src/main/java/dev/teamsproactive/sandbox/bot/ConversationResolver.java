package dev.teamsproactive.sandbox.bot;

import dev.teamsproactive.sandbox.Tenant;
import dev.teamsproactive.sandbox.tenant.Behavior;
import dev.teamsproactive.sandbox.tenant.DirectoryUser;
import dev.teamsproactive.sandbox.tenant.Seed;
import java.util.Optional;

/**
 * Finds the conversation behind a conversation id and whether the bot may post there now: 404
 * ConversationNotFound for an id no one knows, 403 BotNotInConversationRoster when the app is not (any more)
 * installed for the chat's user or the channel's team, 403 ConversationBlockedByUser when the user blocked the bot.
 */
public final class ConversationResolver {
    /** A channel conversation id may name a reply thread: {@code 19:…@thread.tacv2;messageid=…}. */
    private static final String THREAD_SUFFIX = ";messageid=";
    private final Tenant tenant;

    public ConversationResolver(Tenant tenant) {
        this.tenant = tenant;
    }

    public Outcome<Conversation> resolve(String conversationId) {
        Optional<String> chatUser = tenant.installations().userOfChat(conversationId);
        if (chatUser.isPresent()) {
            return personalChat(conversationId, chatUser.get());
        }
        int thread = conversationId.indexOf(THREAD_SUFFIX);
        String channelId = thread < 0 ? conversationId : conversationId.substring(0, thread);
        Optional<Seed.Team> team = tenant.directory().teamOfChannel(channelId);
        if (team.isPresent()) {
            return tenant.installations().forTeam(team.get().id()).isPresent()
                    ? Outcome.of(new Conversation(conversationId, null, team.get()))
                    : Outcome.refused(BotError.notInRoster(conversationId));
        }
        return Outcome.refused(BotError.conversationNotFound(conversationId));
    }

    private Outcome<Conversation> personalChat(String conversationId, String userId) {
        Optional<DirectoryUser> user = tenant.directory().userById(userId);
        if (user.isEmpty()) {
            return Outcome.refused(BotError.conversationNotFound(conversationId));
        }
        if (tenant.installations().forUser(userId).isEmpty()) {
            return Outcome.refused(BotError.notInRoster(conversationId));
        }
        if (user.get().behavior() == Behavior.BLOCKS_BOT) {
            return Outcome.refused(BotError.blockedByUser());
        }
        return Outcome.of(new Conversation(conversationId, user.get(), null));
    }
}
