package dev.teamsproactive.preflight;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the service does with Graph, and the application permissions (roles) that allow it, least
 * privileged first: any one of them is enough. The permission table in docs/permissions.md lists the same.
 * A feature that reads a campaign's audience from Graph names the audience kinds (a campaign file's key) it serves,
 * so a new audience kind adds its permission here and nowhere else in the preflight.
 */
public enum Feature {
    INSTALL_FOR_USERS("install the app for users and find their chats",
            "TeamsAppInstallation.ReadWriteSelfForUser.All", "TeamsAppInstallation.ReadWriteForUser.All",
            "TeamsAppInstallation.ReadWriteAndConsentSelfForUser.All", "TeamsAppInstallation.ReadWriteAndConsentForUser.All"),
    CATALOG_LOOKUP("look the app's catalog id up by its manifest id",
            "AppCatalog.Read.All", "AppCatalog.ReadWrite.All"),
    USER_LOOKUP("resolve recipients given by user principal name or mail address",
            "User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"),
    ALL_USERS("list all users of the tenant", List.of("allUsers"),
            "User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"),
    GROUP_MEMBERS("expand a group's members", List.of("group"),
            "GroupMember.Read.All", "GroupMember.ReadWrite.All", "Group.Read.All", "Group.ReadWrite.All",
            "Directory.Read.All", "Directory.ReadWrite.All"),
    TEAM_MEMBERS("list a team's members", List.of("team"), "TeamMember.Read.All", "TeamMember.ReadWrite.All"),
    INSTALL_FOR_TEAMS("install the app in a team to post to its channels", List.of("channel"),
            "TeamsAppInstallation.ReadWriteSelfForTeam.All", "TeamsAppInstallation.ReadWriteForTeam.All",
            "TeamsAppInstallation.ReadWriteAndConsentSelfForTeam.All", "TeamsAppInstallation.ReadWriteAndConsentForTeam.All"),
    CHANNELS_READ("find a team's General or named channel", List.of("channel"),
            "Channel.ReadBasic.All", "ChannelSettings.Read.All", "ChannelSettings.ReadWrite.All", "Group.Read.All",
            "Group.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");

    private final String purpose;
    private final List<String> audiences;
    private final List<String> roles;

    Feature(String purpose, String... roles) {
        this(purpose, List.of(), roles);
    }

    Feature(String purpose, List<String> audiences, String... roles) {
        this.purpose = purpose;
        this.audiences = audiences;
        this.roles = List.of(roles);
    }

    /** What reading a campaign's audience from Graph needs; a file, listed users or no audience need nothing more. */
    public static Set<Feature> forAudience(String audience) {
        Set<Feature> needed = EnumSet.noneOf(Feature.class);
        if (audience == null) {
            return needed;
        }
        for (Feature feature : values()) {
            if (feature.audiences.contains(audience)) {
                needed.add(feature);
            }
        }
        return needed;
    }

    /** What the permission is for, e.g. "install the app for users and find their chats". */
    public String purpose() {
        return purpose;
    }

    /** The roles that allow it, least privileged first. */
    public List<String> roles() {
        return roles;
    }

    /** The least privileged role: the one an admin should grant. */
    public String leastRole() {
        return roles.get(0);
    }

    public boolean allowedBy(java.util.Collection<String> granted) {
        return roles.stream().anyMatch(granted::contains);
    }
}
