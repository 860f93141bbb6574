package dev.teamsproactive.sandbox.graph;

import dev.teamsproactive.sandbox.Tenant;
import dev.teamsproactive.sandbox.http.Api;
import io.vertx.ext.web.Router;
import java.time.Instant;

/**
 * Microsoft Graph v1.0 as the install flow and audience queries use it: the app catalog, users, a user's and a team's installed apps, the bot chat, a team's channels and
 * members, group members, and {@code $batch}. Answers carry only properties of the Graph CSDL types
 * (plus OData annotations); errors come in Graph's shape with its request-id headers.
 */
public final class GraphApi {
    /**
     * When the seed's teams, channels, app definition and preinstalled chats say they were created: a fixed
     * date, so every connection (each event loop has its own router) and every run report the same.
     */
    static final Instant SEED_CREATED = Instant.parse("2024-01-01T00:00:00Z");
    private final Tenant tenant;

    public GraphApi(Tenant tenant) {
        this.tenant = tenant;
    }

    /** Registers the Graph paths; {@code router} is where the request-id headers are stamped first. */
    public void register(Router router, Api api) {
        router.route("/v1.0/*").handler(GraphHeaders::stamp);
        GraphCharges charges = new GraphCharges(tenant.tenantId(), tenant.directory().userCount());
        InstalledAppsAnswers installedApps = new InstalledAppsAnswers(SEED_CREATED);
        GraphRoutes routes = new GraphRoutes(api);
        new AppCatalogEndpoints(charges, SEED_CREATED).register(routes);
        new UserEndpoints(charges).register(routes);
        new UserInstalledAppsEndpoints(charges, installedApps).register(routes);
        new ChatEndpoint(charges, SEED_CREATED).register(routes);
        new TeamInstalledAppsEndpoints(charges, installedApps).register(routes);
        new TeamEndpoints(charges, SEED_CREATED).register(routes);
        new GroupEndpoints(charges).register(routes);
        new BatchEndpoint(charges).register(routes);
    }
}
