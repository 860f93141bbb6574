package dev.teamsproactive.sandbox.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.sandbox.http.Responses;
import dev.teamsproactive.sandbox.tenant.Seed;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The Teams app as Graph writes it: the catalog entry ({@code teamsApp}), its published definition
 * ({@code teamsAppDefinition}) and an installation ({@code teamsAppInstallation}) with the navigations a
 * request {@code $expand}s.
 */
final class TeamsAppShapes {
    static final String APP_TYPE = "microsoft.graph.teamsApp";
    static final String USER_INSTALLATION_TYPE = "microsoft.graph.userScopeTeamsAppInstallation";
    static final String TEAM_INSTALLATION_TYPE = "microsoft.graph.teamsAppInstallation";
    /** The seed has no app version; the sandbox's one published definition says 1.0.0. */
    static final String VERSION = "1.0.0";
    static final Map<String, String> APP_FILTERABLE = UserShape.index(List.of("id", "externalId", "displayName",
            "distributionMethod"));
    static final Map<String, String> INSTALLATION_FILTERABLE = UserShape.index(List.of("id", "teamsApp/id",
            "teamsApp/externalId", "teamsApp/displayName", "teamsApp/distributionMethod"));

    private TeamsAppShapes() {
    }

    static ObjectNode app(Seed.App app) {
        ObjectNode n = Responses.JSON.createObjectNode();
        n.put("id", app.catalogId());
        n.put("externalId", app.externalId());
        n.put("displayName", app.displayName());
        n.put("distributionMethod", app.distributionMethod());
        return n;
    }

    /** Graph's definition ids are base64 of {@code <catalog id>##<version>}. */
    static ObjectNode definition(Seed.App app, Instant published) {
        ObjectNode n = Responses.JSON.createObjectNode();
        n.put("id", Base64.getEncoder().encodeToString((app.catalogId() + "##" + VERSION).getBytes(StandardCharsets.UTF_8)));
        n.put("teamsAppId", app.catalogId());
        n.put("displayName", app.displayName());
        n.put("version", VERSION);
        n.put("publishingState", "published");
        n.putNull("shortDescription");
        n.putNull("description");
        n.put("lastModifiedDateTime", Responses.graphDate(published));
        n.putNull("createdBy");
        ObjectNode authorization = n.putObject("authorization");
        authorization.putNull("clientAppId");
        authorization.putObject("requiredPermissionSet").putArray("resourceSpecificPermissions");
        return n;
    }

    static Object appProperty(Seed.App app, String name) {
        return switch (name) {
            case "id" -> app.catalogId();
            case "externalId" -> app.externalId();
            case "displayName" -> app.displayName();
            case "distributionMethod" -> app.distributionMethod();
            default -> null;
        };
    }

    /** For {@code $filter} on installedApps: the installation's own id, or {@code teamsApp/<property>}. */
    static Object installationProperty(String installationId, Seed.App app, String name) {
        return name.equals("id") ? installationId : appProperty(app, name.substring("teamsApp/".length()));
    }

    static ObjectNode installation(String installationId, Seed.App app, Instant published, QueryOptions query) {
        ObjectNode n = Responses.JSON.createObjectNode();
        n.put("id", installationId);
        if (query.expands("teamsApp")) {
            n.set("teamsApp", app(app));
        }
        if (query.expands("teamsAppDefinition")) {
            n.set("teamsAppDefinition", definition(app, published));
        }
        return n;
    }
}
