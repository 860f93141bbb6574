package dev.teamsproactive.preflight;

import java.util.List;

/**
 * What the service does with Graph, and the application permissions (roles) that allow it, least
 * privileged first: any one of them is enough. The permission table in docs/permissions.md lists the same.
 */
public enum Feature {
    INSTALL_FOR_USERS("install the app for users and find their chats",
            "TeamsAppInstallation.ReadWriteSelfForUser.All", "TeamsAppInstallation.ReadWriteForUser.All",
            "TeamsAppInstallation.ReadWriteAndConsentSelfForUser.All", "TeamsAppInstallation.ReadWriteAndConsentForUser.All"),
    CATALOG_LOOKUP("look the app's catalog id up by its manifest id",
            "AppCatalog.Read.All", "AppCatalog.ReadWrite.All"),
    USER_LOOKUP("resolve recipients given by user principal name or mail address",
            "User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"),
    ALL_USERS("list all users of the tenant",
            "User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"),
    GROUP_MEMBERS("expand a group's members",
            "GroupMember.Read.All", "GroupMember.ReadWrite.All", "Group.Read.All", "Group.ReadWrite.All",
            "Directory.Read.All", "Directory.ReadWrite.All"),
    TEAM_MEMBERS("list a team's members", "TeamMember.Read.All", "TeamMember.ReadWrite.All"),
    INSTALL_FOR_TEAMS("install the app in a team to post to its channels",
            "TeamsAppInstallation.ReadWriteSelfForTeam.All", "TeamsAppInstallation.ReadWriteForTeam.All",
            "TeamsAppInstallation.ReadWriteAndConsentSelfForTeam.All", "TeamsAppInstallation.ReadWriteAndConsentForTeam.All"),
    CHANNELS_READ("find a team's General or named channel",
            "Channel.ReadBasic.All", "ChannelSettings.Read.All", "ChannelSettings.ReadWrite.All", "Group.Read.All",
            "Group.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");

    private final String purpose;
    private final List<String> roles;

    Feature(String purpose, String... roles) {
        this.purpose = purpose;
        this.roles = List.of(roles);
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
