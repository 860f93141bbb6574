package dev.teamsproactive.sandbox.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.sandbox.http.Responses;
import dev.teamsproactive.sandbox.limits.Limit;
import dev.teamsproactive.sandbox.tenant.Seed;
import io.vertx.core.http.HttpMethod;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /v1.0/appCatalogs/teamsApps}: the tenant's catalog, which holds the seed's one app. The
 * install flow finds its catalog id here with {@code $filter=externalId eq '{manifest id}'}.
 */
final class AppCatalogEndpoints {
    private static final List<String> PROPERTIES = List.of("id", "externalId", "displayName", "distributionMethod");
    private final GraphCharges charges;
    private final Instant published;

    AppCatalogEndpoints(GraphCharges charges, Instant published) {
        this.charges = charges;
        this.published = published;
    }

    void register(GraphRoutes routes) {
        routes.on(HttpMethod.GET, "/v1.0/appCatalogs/teamsApps", this::list);
        routes.on(HttpMethod.GET, "/v1.0/appCatalogs/teamsApps/:appId", this::get);
    }

    private void list(GraphCall call) {
        if (!call.admit(charges.teams(Limit.GRAPH_GET_APP_CATALOGS, call.caller().appId()))) {
            return;
        }
        call.require(GraphPermission.APP_CATALOG_READ);
        QueryOptions q = call.query();
        q.allowExpand(TeamsAppShapes.APP_TYPE, "appDefinitions");
        Selection selection = Selection.of(q.select(), null, PROPERTIES, TeamsAppShapes.APP_TYPE);
        ODataFilter filter = q.filter() == null ? null
                : q.filter().bind(TeamsAppShapes.APP_FILTERABLE, TeamsAppShapes.APP_TYPE);
        Seed.App app = call.tenant().app();
        ArrayNode values = Responses.JSON.createArrayNode();
        if (filter == null || filter.test(name -> TeamsAppShapes.appProperty(app, name))) {
            values.add(render(app, selection, q));
        }
        call.collection(selection.context("appCatalogs/teamsApps"), values, -1);
    }

    private void get(GraphCall call) {
        if (!call.admit(charges.teams(Limit.GRAPH_GET_APP_CATALOGS, call.caller().appId()))) {
            return;
        }
        call.require(GraphPermission.APP_CATALOG_READ);
        QueryOptions q = call.query();
        q.allowExpand(TeamsAppShapes.APP_TYPE, "appDefinitions");
        Selection selection = Selection.of(q.select(), null, PROPERTIES, TeamsAppShapes.APP_TYPE);
        String id = call.param("appId");
        Lookups.catalogApp(call, id);
        ObjectNode body = Responses.JSON.createObjectNode();
        body.put("@odata.context", call.context(selection.context("appCatalogs/teamsApps") + "/$entity"));
        body.setAll(render(call.tenant().app(), selection, q));
        call.ok(body);
    }

    private ObjectNode render(Seed.App app, Selection selection, QueryOptions q) {
        ObjectNode n = selection.apply(TeamsAppShapes.app(app));
        if (q.expands("appDefinitions")) {
            n.putArray("appDefinitions").add(TeamsAppShapes.definition(app, published));
        }
        return n;
    }
}
