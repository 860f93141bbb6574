package dev.teamsproactive.sandbox.bot;

import dev.teamsproactive.sandbox.auth.Caller;
import dev.teamsproactive.sandbox.limits.Limit;
import dev.teamsproactive.sandbox.limits.RateLimits.Charge;
import java.util.List;

/**
 * The Bot Connector buckets a request is charged to: the app's 50 per second
 * in the tenant, and the per-thread limits of the conversation it touches.
 */
public final class BotLimits {
    private BotLimits() {
    }

    /** Sends, creating a conversation, updates and deletes: the tenant-wide bucket and the thread's. */
    public static List<Charge> forConversation(Caller caller, String tenantId, String conversationId) {
        String thread = conversationId.toLowerCase(java.util.Locale.ROOT);
        return List.of(
                Charge.of(Limit.BOT_GLOBAL, appInTenant(caller, tenantId)),
                Charge.of(Limit.BOT_THREAD_1S, thread),
                Charge.of(Limit.BOT_THREAD_2S, thread),
                Charge.of(Limit.BOT_THREAD_30S, thread),
                Charge.of(Limit.BOT_THREAD_1H, thread),
                // Counted per thread whatever the bot: the sandbox serves one bot, so this never binds before 7/1 s.
                Charge.of(Limit.BOT_THREAD_ALL_BOTS, thread));
    }

    /** A request that names no conversation the service could parse still counts against the tenant-wide bucket. */
    public static List<Charge> tenantOnly(Caller caller, String tenantId) {
        return List.of(Charge.of(Limit.BOT_GLOBAL, appInTenant(caller, tenantId)));
    }

    private static String appInTenant(Caller caller, String tenantId) {
        return caller.appId().toLowerCase(java.util.Locale.ROOT) + "|" + tenantId.toLowerCase(java.util.Locale.ROOT);
    }
}
