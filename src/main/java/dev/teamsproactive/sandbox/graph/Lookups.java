package dev.teamsproactive.sandbox.graph;

import dev.teamsproactive.sandbox.tenant.DirectoryUser;
import dev.teamsproactive.sandbox.tenant.Installations;
import dev.teamsproactive.sandbox.tenant.Seed;
import java.util.Optional;

/**
 * Finding what a path names, with a 404 when it is not there. The directory's 404 is documented word for
 * word ({@link GraphException#directoryNotFound}); for Teams' paths (teamwork, teams, the catalog) Graph
 * documents only the status, so the code {@code NotFound} and the messages here are the sandbox's choice.
 */
final class Lookups {
    private Lookups() {
    }

    /** {@code users/{id | userPrincipalName}} under Teams' {@code teamwork}: Teams' own 404. */
    static DirectoryUser teamworkUser(GraphCall call, String idOrUpn) {
        return call.tenant().directory().userByIdOrUpn(idOrUpn)
                .orElseThrow(() -> GraphException.notFound("User '" + idOrUpn + "' was not found."));
    }

    static Seed.Team team(GraphCall call, String teamId) {
        return call.tenant().directory().team(teamId)
                .orElseThrow(() -> GraphException.notFound("No team found with Group Id " + teamId));
    }

    /** The installation a path names, only if it is the one this scope has. */
    static Installations.Installation installation(Optional<Installations.Installation> installed, String installationId) {
        return installed.filter(i -> i.id().equals(installationId))
                .orElseThrow(() -> GraphException.notFound("The app installation '" + installationId + "' was not found."));
    }

    /** The catalog id a {@code teamsApp@odata.bind} names, only if it is the sandbox's app. */
    static void catalogApp(GraphCall call, String catalogId) {
        if (!catalogId.equalsIgnoreCase(call.tenant().app().catalogId())) {
            throw GraphException.notFound("The app '" + catalogId + "' was not found in the tenant's app catalog.");
        }
    }
}
