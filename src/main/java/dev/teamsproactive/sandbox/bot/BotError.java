package dev.teamsproactive.sandbox.bot;

import dev.teamsproactive.sandbox.http.Responses;
import io.vertx.ext.web.RoutingContext;

/** A refusal in the Bot Connector's own terms (HTTP status, error code, message). */
public record BotError(int status, String code, String message) {

    public static BotError badArgument(String message) {
        return new BotError(400, "BadArgument", message);
    }

    public static BotError notInRoster(String conversationId) {
        return new BotError(403, "BotNotInConversationRoster",
                "The bot is not part of the conversation roster of " + conversationId + ".");
    }

    public static BotError blockedByUser() {
        return new BotError(403, "ConversationBlockedByUser", "User blocked the conversation with the bot.");
    }

    public static BotError conversationNotFound(String conversationId) {
        return new BotError(404, "ConversationNotFound", "Conversation not found: " + conversationId);
    }

    /** Teams' answer to an update or delete of an activity it does not have (not in the table; seen in the wild). */
    public static BotError activityNotFound(String activityId) {
        return new BotError(404, "ActivityNotFoundInConversation", "Message does not exist in the thread: " + activityId);
    }

    public static BotError notInstalledForUser() {
        return new BotError(403, "ForbiddenOperationException", "The bot is not installed in the user's personal scope.");
    }

    public static BotError tooBig(long utf16Bytes) {
        return new BotError(413, "MessageSizeTooBig", "Activity is " + utf16Bytes + " bytes as UTF-16, over the "
                + ActivitySize.MAX_UTF16_BYTES + " bytes allowed.");
    }

    public void send(RoutingContext ctx) {
        Responses.botError(ctx, status, code, message);
    }
}
