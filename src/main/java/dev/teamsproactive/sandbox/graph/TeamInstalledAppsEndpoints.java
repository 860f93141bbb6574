package dev.teamsproactive.sandbox.graph;

import dev.teamsproactive.sandbox.limits.Limit;
import dev.teamsproactive.sandbox.tenant.Installations;
import dev.teamsproactive.sandbox.tenant.Seed;
import io.vertx.core.http.HttpMethod;

/**
 * {@code /v1.0/teams/{id}/installedApps}: the app in a team (channel posts). Each call also counts
 * against the 4 requests per second Graph allows one app on one team.
 */
final class TeamInstalledAppsEndpoints {
    private static final String BASE = "/v1.0/teams/:teamId/installedApps";
    private final GraphCharges charges;
    private final InstalledAppsAnswers answers;

    TeamInstalledAppsEndpoints(GraphCharges charges, InstalledAppsAnswers answers) {
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
        return call.admit(charges.team(row, call.param("teamId"), call.caller().appId()));
    }

    private static String collectionPath(Seed.Team team) {
        return "teams('" + team.id() + "')/installedApps";
    }

    private void list(GraphCall call) {
        if (!admit(call, Limit.GRAPH_GET_INSTALLED_APPS)) {
            return;
        }
        call.require(GraphPermission.TEAM_APPS_READ);
        Seed.Team team = Lookups.team(call, call.param("teamId"));
        answers.list(call, call.tenant().installations().forTeam(team.id()), TeamsAppShapes.TEAM_INSTALLATION_TYPE,
                collectionPath(team));
    }

    private void get(GraphCall call) {
        if (!admit(call, Limit.GRAPH_GET_INSTALLED_APPS)) {
            return;
        }
        call.require(GraphPermission.TEAM_APPS_READ);
        Seed.Team team = Lookups.team(call, call.param("teamId"));
        answers.get(call, call.tenant().installations().forTeam(team.id()), call.param("installationId"),
                TeamsAppShapes.TEAM_INSTALLATION_TYPE, collectionPath(team));
    }

    private void install(GraphCall call) {
        if (!admit(call, Limit.GRAPH_POST_INSTALLED_APPS)) {
            return;
        }
        call.require(GraphPermission.TEAM_APPS_WRITE);
        String catalogId = InstallRequest.catalogId(call.ctx().body(), TeamsAppShapes.TEAM_INSTALLATION_TYPE);
        Seed.Team team = Lookups.team(call, call.param("teamId"));
        Lookups.catalogApp(call, catalogId);
        if (!call.tenant().installations().installForTeam(team.id())) {
            throw GraphException.conflict("The app is already installed in team '" + team.id() + "'.");
        }
        call.created();
    }

    private void uninstall(GraphCall call) {
        if (!admit(call, Limit.GRAPH_DELETE_INSTALLED_APPS)) {
            return;
        }
        call.require(GraphPermission.TEAM_APPS_WRITE);
        Seed.Team team = Lookups.team(call, call.param("teamId"));
        Installations installations = call.tenant().installations();
        Lookups.installation(installations.forTeam(team.id()), call.param("installationId"));
        installations.uninstallForTeam(team.id());
        call.noContent();
    }

    private void upgrade(GraphCall call) {
        if (!admit(call, Limit.GRAPH_OTHER_TEAMS_CALL)) {
            return;
        }
        call.require(GraphPermission.TEAM_APPS_WRITE);
        Seed.Team team = Lookups.team(call, call.param("teamId"));
        Lookups.installation(call.tenant().installations().forTeam(team.id()), call.param("installationId"));
        call.noContent();
    }
}
