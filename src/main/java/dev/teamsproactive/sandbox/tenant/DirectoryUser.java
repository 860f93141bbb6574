package dev.teamsproactive.sandbox.tenant;

/** A user as the sandbox's directory knows it: seeded, or one of the {@code --users N} synthetic ones. */
public record DirectoryUser(String id, String userPrincipalName, String mail, String displayName,
        boolean accountEnabled, String userType, Behavior behavior, boolean preinstalled) {

    static DirectoryUser of(Seed.User u) {
        return new DirectoryUser(u.id(), u.userPrincipalName(), u.mail(), u.displayName(), u.accountEnabled(),
                u.userType(), u.behaviorValue(), u.installed());
    }
}
