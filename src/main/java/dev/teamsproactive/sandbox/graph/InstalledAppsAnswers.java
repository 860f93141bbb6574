package dev.teamsproactive.sandbox.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.sandbox.http.Responses;
import dev.teamsproactive.sandbox.tenant.Installations.Installation;
import dev.teamsproactive.sandbox.tenant.Seed;
import java.time.Instant;
import java.util.Optional;

/**
 * The read side of {@code installedApps}, the same for a user and a team: the list (with {@code $expand}
 * and {@code $filter=teamsApp/id eq '…'}) and one installation. The sandbox's scopes hold only its own app.
 */
final class InstalledAppsAnswers {
    private final Instant published;

    InstalledAppsAnswers(Instant published) {
        this.published = published;
    }

    /** @param collectionPath e.g. {@code users('…')/teamwork/installedApps}, for {@code @odata.context} */
    void list(GraphCall call, Optional<Installation> installed, String typeName, String collectionPath) {
        QueryOptions q = call.query();
        q.allowExpand(typeName, "teamsApp", "teamsAppDefinition");
        ODataFilter filter = q.filter() == null ? null : q.filter().bind(TeamsAppShapes.INSTALLATION_FILTERABLE, typeName);
        Seed.App app = call.tenant().app();
        ArrayNode values = Responses.JSON.createArrayNode();
        installed.filter(i -> filter == null || filter.test(name -> TeamsAppShapes.installationProperty(i.id(), app, name)))
                .ifPresent(i -> values.add(TeamsAppShapes.installation(i.id(), app, published, q)));
        call.collection(collectionPath, values, -1);
    }

    void get(GraphCall call, Optional<Installation> installed, String installationId, String typeName, String collectionPath) {
        QueryOptions q = call.query();
        q.allowExpand(typeName, "teamsApp", "teamsAppDefinition");
        Installation i = Lookups.installation(installed, installationId);
        ObjectNode body = Responses.JSON.createObjectNode();
        body.put("@odata.context", call.context(collectionPath + "/$entity"));
        body.setAll(TeamsAppShapes.installation(i.id(), call.tenant().app(), published, q));
        call.ok(body);
    }
}
