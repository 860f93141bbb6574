package dev.teamsproactive.sandbox.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.sandbox.Tenant;
import dev.teamsproactive.sandbox.auth.Caller;
import dev.teamsproactive.sandbox.http.Api;
import dev.teamsproactive.sandbox.http.Responses;
import dev.teamsproactive.sandbox.http.Service;
import dev.teamsproactive.sandbox.limits.RateLimits.Charge;
import dev.teamsproactive.sandbox.tenant.DirectoryUser;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /v3/conversations}: opens (finds) the 1:1 chat between the bot and a user who has the app, and
 * answers {@code ConversationResourceResponse {"id":"<chat id>"}}, the same id Graph's chat lookup gives. 403
 * ForbiddenOperationException when the app is not installed for the user (or the user is unknown).
 */
public final class CreateConversationEndpoint implements Api.Endpoint {
    private final Api api;
    private final Tenant tenant;
    private final MemberResolver members;
    private final ConversationResolver conversations;
    private final ActivityDelivery delivery;

    public CreateConversationEndpoint(Api api, Tenant tenant) {
        this.api = api;
        this.tenant = tenant;
        this.members = new MemberResolver(tenant.directory());
        this.conversations = new ConversationResolver(tenant);
        this.delivery = new ActivityDelivery(tenant);
    }

    @Override
    public void handle(RoutingContext ctx, Caller caller) {
        String body = RequestBody.text(ctx);
        if (ActivitySize.tooBig(body)) {
            if (api.admit(ctx, Service.BOT_CONNECTOR, BotLimits.tenantOnly(caller, tenant.tenantId()))) {
                BotError.tooBig(ActivitySize.utf16Bytes(body)).send(ctx);
            }
            return;
        }
        Outcome<ConversationRequest> request = ConversationRequest.parse(body, tenant);
        Optional<DirectoryUser> user = request.refused() ? Optional.empty() : members.resolve(request.value().member());
        List<Charge> charges = request.refused()
                ? BotLimits.tenantOnly(caller, tenant.tenantId())
                : BotLimits.forConversation(caller, tenant.tenantId(),
                        user.map(u -> tenant.installations().chatIdOf(u.id())).orElse(request.value().memberKey()));
        if (!api.admit(ctx, Service.BOT_CONNECTOR, charges)) {
            return;
        }
        if (request.refused()) {
            request.error().send(ctx);
            return;
        }
        if (user.isEmpty() || tenant.installations().forUser(user.get().id()).isEmpty()) {
            BotError.notInstalledForUser().send(ctx);
            return;
        }
        String chatId = tenant.installations().chatIdOf(user.get().id());
        ObjectNode answer = Responses.JSON.createObjectNode().put("id", chatId);
        if (request.value().activity() != null) {
            // The optional first message goes through the same checks as any send (a blocked bot is refused).
            Outcome<Conversation> chat = conversations.resolve(chatId);
            if (chat.refused()) {
                chat.error().send(ctx);
                return;
            }
            answer.put("activityId", delivery.deliver(chat.value(), request.value().activity()));
        }
        Responses.json(ctx, 201, answer);
    }
}
