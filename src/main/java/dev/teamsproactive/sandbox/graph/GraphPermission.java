package dev.teamsproactive.sandbox.graph;

import dev.teamsproactive.sandbox.auth.Caller;
import java.util.List;
import java.util.TreeSet;

/**
 * The application roles each Graph operation accepts, least privileged first, as the Graph API
 * reference lists them (learn.microsoft.com, "Permissions" section of each page). A token without any
 * of them gets Graph's 403: the directory's {@code Authorization_RequestDenied} for users and groups,
 * Teams' {@code Forbidden} "Missing role permissions" for everything Teams serves (the wording of the
 * latter is modelled on answers Teams gives; the reference documents only the status).
 */
enum GraphPermission {
    /**
     * List teamsApp: the reference lists only AppCatalog.Read.All and AppCatalog.ReadWrite.All for
     * applications. The TeamsAppInstallation roles are not accepted, so a run granted only those meets the
     * same 403 it would meet on Graph (the default tenant grants AppCatalog.Read.All).
     */
    APP_CATALOG_READ(true, "AppCatalog.Read.All", "AppCatalog.ReadWrite.All"),
    USERS_READ(false, "User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"),
    GROUP_MEMBERS_READ(false, "GroupMember.Read.All", "GroupMember.ReadWrite.All", "Group.Read.All",
            "Group.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"),
    USER_APPS_READ(true, "TeamsAppInstallation.ReadSelfForUser.All", "TeamsAppInstallation.ReadForUser.All",
            "TeamsAppInstallation.Read.All", "TeamsAppInstallation.ReadWriteSelfForUser.All",
            "TeamsAppInstallation.ReadWriteForUser.All", "TeamsAppInstallation.ReadWrite.All",
            "TeamsAppInstallation.ReadWriteAndConsentSelfForUser.All", "TeamsAppInstallation.ReadWriteAndConsentForUser.All"),
    USER_APPS_WRITE(true, "TeamsAppInstallation.ReadWriteSelfForUser.All", "TeamsAppInstallation.ReadWriteForUser.All",
            "TeamsAppInstallation.ReadWriteAndConsentSelfForUser.All", "TeamsAppInstallation.ReadWriteAndConsentForUser.All"),
    TEAM_APPS_READ(true, "TeamsAppInstallation.ReadSelfForTeam.All", "TeamsAppInstallation.ReadForTeam.All",
            "TeamsAppInstallation.Read.All", "TeamsAppInstallation.ReadWriteSelfForTeam.All",
            "TeamsAppInstallation.ReadWriteForTeam.All", "TeamsAppInstallation.ReadWrite.All",
            "TeamsAppInstallation.ReadWriteAndConsentSelfForTeam.All", "TeamsAppInstallation.ReadWriteAndConsentForTeam.All"),
    TEAM_APPS_WRITE(true, "TeamsAppInstallation.ReadWriteSelfForTeam.All", "TeamsAppInstallation.ReadWriteForTeam.All",
            "TeamsAppInstallation.ReadWriteAndConsentSelfForTeam.All", "TeamsAppInstallation.ReadWriteAndConsentForTeam.All"),
    TEAM_MEMBERS_READ(true, "TeamMember.Read.All", "TeamMember.ReadWrite.All"),
    CHANNELS_READ(true, "Channel.ReadBasic.All", "ChannelSettings.Read.All", "ChannelSettings.ReadWrite.All",
            "Group.Read.All", "Group.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");

    private final boolean teams;
    private final List<String> roles;

    GraphPermission(boolean teams, String... roles) {
        this.teams = teams;
        this.roles = List.of(roles);
    }

    List<String> roles() {
        return roles;
    }

    /** Throws Graph's 403 unless the caller's token carries one of the roles. */
    void check(Caller caller) {
        for (String role : roles) {
            if (caller.roles().contains(role)) {
                return;
            }
        }
        if (!teams) {
            throw new GraphException(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
        }
        throw new GraphException(403, "Forbidden", "Missing role permissions on the request. API requires one of '"
                + String.join(", ", roles) + "'. Roles on the request '" + String.join(", ", new TreeSet<>(caller.roles())) + "'.");
    }
}
