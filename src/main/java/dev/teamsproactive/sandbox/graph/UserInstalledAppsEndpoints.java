package dev.teamsproactive.sandbox.graph;

import dev.teamsproactive.sandbox.limits.Limit;
import dev.teamsproactive.sandbox.tenant.Behavior;
import dev.teamsproactive.sandbox.tenant.DirectoryUser;
import dev.teamsproactive.sandbox.tenant.Installations;
import io.vertx.core.http.HttpMethod;

/**
 * {@code /v1.0/users/{id}/teamwork/installedApps}: is the app installed for the user, install it
 * (201, 409 when it already is), upgrade, uninstall. The chat lookup lives in {@link ChatEndpoint}.
 */
final class UserInstalledAppsEndpoints {
    private static final String BASE = "/v1.0/users/:id/teamwork/installedApps";
    private final GraphCharges charges;
    private final InstalledAppsAnswers answers;

    UserInstalledAppsEndpoints(GraphCharges charges, InstalledAppsAnswers answers) {
        this.charges = charges;
        this.answers = answers;
    }

    void register(GraphRoutes routes) {
        routes.on(HttpMethod.GET, BASE, this::list);
        routes.on(HttpMethod.POST, BASE, this::install);
        routes.on(HttpMethod.GET, BASE + "/:installationId", this::get);
        routes.on(HttpMethod.DELETE, BASE + "/:installationId", this::uninstall);
        routes.on(HttpMethod.POST, BASE + "/:installationId/upgrade", this::upgrade);
    }

    private boolean admit(GraphCall call, Limit row) {
        return call.admit(charges.teams(row, call.caller().appId()));
    }

    private static String collectionPath(DirectoryUser user) {
        return "users('" + user.id() + "')/teamwork/installedApps";
    }

    private void list(GraphCall call) {
        if (!admit(call, Limit.GRAPH_GET_INSTALLED_APPS)) {
            return;
        }
        call.require(GraphPermission.USER_APPS_READ);
        DirectoryUser user = Lookups.teamworkUser(call, call.param("id"));
        answers.list(call, call.tenant().installations().forUser(user.id()), TeamsAppShapes.USER_INSTALLATION_TYPE,
                collectionPath(user));
    }

    private void get(GraphCall call) {
        if (!admit(call, Limit.GRAPH_GET_INSTALLED_APPS)) {
            return;
        }
        call.require(GraphPermission.USER_APPS_READ);
        DirectoryUser user = Lookups.teamworkUser(call, call.param("id"));
        answers.get(call, call.tenant().installations().forUser(user.id()), call.param("installationId"),
                TeamsAppShapes.USER_INSTALLATION_TYPE, collectionPath(user));
    }

    private void install(GraphCall call) {
        if (!admit(call, Limit.GRAPH_POST_INSTALLED_APPS)) {
            return;
        }
        call.require(GraphPermission.USER_APPS_WRITE);
        String catalogId = InstallRequest.catalogId(call.ctx().body(), TeamsAppShapes.USER_INSTALLATION_TYPE);
        DirectoryUser user = Lookups.teamworkUser(call, call.param("id"));
        Lookups.catalogApp(call, catalogId);
        Installations installations = call.tenant().installations();
        if (installations.forUser(user.id()).isPresent()) {
            throw GraphException.conflict("The app is already installed for user '" + user.id() + "'.");
        }
        if (user.behavior() == Behavior.APP_BLOCKED_BY_POLICY) {
            // Assumption: Graph documents a 403 when the tenant's app permission policy blocks the app but not
            // its body; the sandbox answers Teams' usual "Forbidden" code with a message that says why.
            throw new GraphException(403, "Forbidden", "The app '" + catalogId
                    + "' is blocked by the app permission policy that applies to user '" + user.id() + "'.");
        }
        if (!installations.installForUser(user.id())) {
            throw GraphException.conflict("The app is already installed for user '" + user.id() + "'.");
        }
        call.created();
    }

    private void uninstall(GraphCall call) {
        if (!admit(call, Limit.GRAPH_DELETE_INSTALLED_APPS)) {
            return;
        }
        call.require(GraphPermission.USER_APPS_WRITE);
        DirectoryUser user = Lookups.teamworkUser(call, call.param("id"));
        Installations installations = call.tenant().installations();
        Lookups.installation(installations.forUser(user.id()), call.param("installationId"));
        installations.uninstallForUser(user.id());
        call.noContent();
    }

    /** The sandbox's app has one version, so an upgrade finds nothing newer and simply succeeds. */
    private void upgrade(GraphCall call) {
        if (!admit(call, Limit.GRAPH_OTHER_TEAMS_CALL)) {
            return;
        }
        call.require(GraphPermission.USER_APPS_WRITE);
        DirectoryUser user = Lookups.teamworkUser(call, call.param("id"));
        Lookups.installation(call.tenant().installations().forUser(user.id()), call.param("installationId"));
        call.noContent();
    }
}
