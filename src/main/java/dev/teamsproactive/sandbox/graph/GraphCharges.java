package dev.teamsproactive.sandbox.graph;

import dev.teamsproactive.sandbox.limits.Limit;
import dev.teamsproactive.sandbox.limits.RateLimits.Charge;
import java.util.List;
import java.util.Locale;

/**
 * What each Graph request costs against Microsoft's documented limits. Per-tenant rows
 * are keyed by the tenant id (one app per sandbox), a team's by its id, a chat's by the chat id, a user's
 * chat lookups by the user id; Graph's global ceiling is per app, keyed by the app id.
 */
final class GraphCharges {
    /**
     * Identity resource units. Members 3 and transitiveMembers 5, {@code $select} -1 and {@code $expand} +1
     * are Microsoft's documented numbers. Microsoft documents no cost for reading users: GET
     * user 1 and a users list 2 are the sandbox's choice (a single read cheaper than a list). Never below 1.
     */
    enum IdentityCost {
        GET_USER(1), LIST_USERS(2), MEMBERS(3), TRANSITIVE_MEMBERS(5);

        private final int units;

        IdentityCost(int units) {
            this.units = units;
        }

        int units(boolean select, boolean expand) {
            return Math.max(1, units - (select ? 1 : 0) + (expand ? 1 : 0));
        }
    }

    private final String tenantId;
    private final int directorySize;

    GraphCharges(String tenantId, int directorySize) {
        this.tenantId = tenantId.toLowerCase(Locale.ROOT);
        this.directorySize = directorySize;
    }

    /** A Teams call counted in one per-tenant row (the facts' table) and Graph's global ceiling. */
    List<Charge> teams(Limit row, String appId) {
        return List.of(Charge.of(row, tenantId), global(appId));
    }

    /** A Teams call on one team: its per-tenant row, the 4 per second on one team, the global ceiling. */
    List<Charge> team(Limit row, String teamId, String appId) {
        return List.of(Charge.of(row, tenantId), Charge.of(Limit.GRAPH_PER_TEAM, key(teamId)), global(appId));
    }

    /**
     * The chat lookup: an "other GET" for Teams, at most 1 per second on one chat, at most 5 per second per
     * user for getting chats, and the global ceiling.
     */
    List<Charge> chatLookup(String chatId, String userId, String appId) {
        return List.of(Charge.of(Limit.GRAPH_OTHER_TEAMS_GET, tenantId), Charge.of(Limit.GRAPH_PER_CHAT, chatId),
                Charge.of(Limit.GRAPH_PER_USER_CHATS, key(userId)), global(appId));
    }

    /** A directory read: resource units from the tenant's identity bucket (sized by its user count). */
    List<Charge> identity(IdentityCost cost, boolean select, boolean expand, String appId) {
        return List.of(new Charge(Limit.identityFor(directorySize), tenantId, cost.units(select, expand)), global(appId));
    }

    /** Requests that only count against Graph's global ceiling (the {@code $batch} envelope). */
    List<Charge> globalOnly(String appId) {
        return List.of(global(appId));
    }

    private static Charge global(String appId) {
        return Charge.of(Limit.GRAPH_GLOBAL, appId == null ? "" : key(appId));
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }
}
