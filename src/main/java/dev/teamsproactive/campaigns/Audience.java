package dev.teamsproactive.campaigns;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Who a campaign is for. One kind per campaign:
 * <ul>
 * <li>{@code users}: listed users (object ids, UPNs or mail addresses);</li>
 * <li>{@code file}: a recipients file (CSV or JSON, as dropped in the inbox);</li>
 * <li>{@code group}: a group's transitive members, users only;</li>
 * <li>{@code team}: a team's members, each in their 1:1 chat;</li>
 * <li>{@code channel}: one post in a team's channel (General unless named);</li>
 * <li>{@code allUsers}: every user matching a filter (enabled members by default, guests excluded).</li>
 * </ul>
 *
 * @param id      the group's or team's object id (GROUP, TEAM, CHANNEL)
 * @param channel the channel's display name (CHANNEL; null for the General channel)
 * @param filter  the OData filter (ALL_USERS)
 */
public record Audience(Kind kind, List<String> users, Path file, String id, String channel, String filter) {

    /** Graph's own filter for "everyone who works here": enabled accounts, members only (no guests). */
    public static final String ENABLED_MEMBERS = "accountEnabled eq true and userType eq 'Member'";

    public enum Kind {
        USERS("users"), FILE("file"), GROUP("group"), TEAM("team"), CHANNEL("channel"), ALL_USERS("allUsers");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The key a campaign file writes, and the value of the routes' {@code audience} property. */
        public String key() {
            return key;
        }

        /** Whether Graph lists the audience page by page (the routes' paging loop). */
        public boolean paged() {
            return this == GROUP || this == TEAM || this == ALL_USERS;
        }
    }

    public Audience {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** How the report and logs name the audience, e.g. "group 030eb94f-…". */
    public String describe() {
        return switch (kind) {
            case USERS -> users.size() + " listed users";
            case FILE -> "recipients file " + file;
            case GROUP -> "group " + id;
            case TEAM -> "members of team " + id;
            case CHANNEL -> "channel " + (channel == null ? "General" : channel) + " of team " + id;
            case ALL_USERS -> "all users where " + filter;
        };
    }

    @Override
    public String toString() {
        return kind.key().toLowerCase(Locale.ROOT) + ":" + describe();
    }
}
