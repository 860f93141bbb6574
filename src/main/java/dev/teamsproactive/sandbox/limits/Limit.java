package dev.teamsproactive.sandbox.limits;

/**
 * One of Microsoft's documented limits: {@code count} requests (or resource
 * units) per {@code windowSeconds}, kept as a token bucket of that capacity refilled evenly.
 * Keys name what the bucket is counted per: the tenant, a team, a chat, a user, a conversation.
 */
public enum Limit {
    // Graph, Teams service limits, per app per tenant.
    GRAPH_GET_INSTALLED_APPS(30, 1),
    GRAPH_GET_APP_CATALOGS(30, 1),
    GRAPH_POST_INSTALLED_APPS(30, 1),
    GRAPH_DELETE_INSTALLED_APPS(15, 1),
    GRAPH_GET_TEAM_MEMBERS(60, 1),
    GRAPH_OTHER_TEAMS_GET(30, 1),
    GRAPH_OTHER_TEAMS_CALL(30, 1),
    /** At most 4 requests per second per app on one team. */
    GRAPH_PER_TEAM(4, 1),
    /** At most 1 request per second per app per tenant on one chat or channel. */
    GRAPH_PER_CHAT(1, 1),
    /** At most 5 requests per second per user for list/get chats. */
    GRAPH_PER_USER_CHATS(5, 1),
    /** Graph's global ceiling: 130,000 requests per 10 s per app. */
    GRAPH_GLOBAL(130_000, 10),
    // Identity resource units per 10 s per app+tenant, by tenant size (under 50 / 50-500 / over 500 users).
    IDENTITY_SMALL(3_500, 10),
    IDENTITY_MEDIUM(5_000, 10),
    IDENTITY_LARGE(8_000, 10),
    // Bot Connector, per bot per conversation thread: sends and creating conversations.
    BOT_THREAD_1S(7, 1),
    BOT_THREAD_2S(8, 2),
    BOT_THREAD_30S(60, 30),
    BOT_THREAD_1H(1_800, 3_600),
    /** Across all bots in one thread. */
    BOT_THREAD_ALL_BOTS(14, 1),
    /** The one that matters for broadcasts: 50 requests per second per app per tenant. */
    BOT_GLOBAL(50, 1);

    private final int count;
    private final int windowSeconds;

    Limit(int count, int windowSeconds) {
        this.count = count;
        this.windowSeconds = windowSeconds;
    }

    public int count() {
        return count;
    }

    public int windowSeconds() {
        return windowSeconds;
    }

    public static Limit identityFor(int tenantUsers) {
        return tenantUsers < 50 ? IDENTITY_SMALL : tenantUsers <= 500 ? IDENTITY_MEDIUM : IDENTITY_LARGE;
    }
}
