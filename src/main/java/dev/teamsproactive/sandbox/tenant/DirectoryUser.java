package dev.teamsproactive.sandbox.tenant;

import java.util.List;

/** A user as the sandbox's directory knows it: seeded, or one of the {@code --users N} synthetic ones. */
public record DirectoryUser(String id, String userPrincipalName, String mail, String displayName,
        boolean accountEnabled, String userType, Behavior behavior, boolean preinstalled, List<String> proxyAddresses) {

    /** A user whose only proxy address is their mail (SMTP:mail), as a plain mailbox has. */
    public DirectoryUser(String id, String userPrincipalName, String mail, String displayName, boolean accountEnabled,
            String userType, Behavior behavior, boolean preinstalled) {
        this(id, userPrincipalName, mail, displayName, accountEnabled, userType, behavior, preinstalled,
                mail == null ? List.of() : List.of("SMTP:" + mail));
    }

    static DirectoryUser of(Seed.User u) {
        return new DirectoryUser(u.id(), u.userPrincipalName(), u.mail(), u.displayName(), u.accountEnabled(),
                u.userType(), u.behaviorValue(), u.installed(), u.proxyAddresses());
    }
}
