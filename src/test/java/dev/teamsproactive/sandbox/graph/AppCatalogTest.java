package dev.teamsproactive.sandbox.graph;

import static dev.teamsproactive.sandbox.SandboxTestClient.enc;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.CATALOG_ID;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.EXTERNAL_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient;
import dev.teamsproactive.sandbox.SandboxTestClient.Answer;
import dev.teamsproactive.sandbox.limits.LimitsMode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /v1.0/appCatalogs/teamsApps?$filter=externalId eq '…'}: the catalog id, once per run. */
class AppCatalogTest {
    private static Sandbox sandbox;
    private static SandboxTestClient client;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults().withLimits(LimitsMode.OFF));
        client = new SandboxTestClient(sandbox);
        token = client.token(SandboxTestClient.GRAPH_SCOPE);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Answer catalog(String filter) {
        return client.get("/v1.0/appCatalogs/teamsApps?$filter=" + enc(filter), token);
    }

    @Test
    void findsTheCatalogIdByManifestId() {
        Answer a = catalog("externalId eq '" + EXTERNAL_ID + "'");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("@odata.context").asText()).isEqualTo(sandbox.url() + "/v1.0/$metadata#appCatalogs/teamsApps");
        JsonNode app = a.json().at("/value/0");
        assertThat(a.json().get("value")).hasSize(1);
        assertThat(app.get("id").asText()).isEqualTo(CATALOG_ID);
        assertThat(app.get("externalId").asText()).isEqualTo(EXTERNAL_ID);
        assertThat(app.get("displayName").asText()).isEqualTo("Contoso Announcements");
        assertThat(app.get("distributionMethod").asText()).isEqualTo("organization");
    }

    @Test
    void findsItWithCompanyCommunicatorsOrganizationFilterToo() {
        Answer a = catalog("distributionMethod eq 'organization' and externalId eq '" + EXTERNAL_ID + "'");
        assertThat(a.json().at("/value/0/id").asText()).isEqualTo(CATALOG_ID);
    }

    @Test
    void anAppNotPublishedToTheCatalogGivesAnEmptyValue() {
        Answer a = catalog("externalId eq '00000000-0000-0000-0000-000000000000'");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("value")).isEmpty();
        assertThat(catalog("distributionMethod eq 'store' and externalId eq '" + EXTERNAL_ID + "'").json().get("value"))
                .isEmpty();
    }

    @Test
    void expandsTheAppDefinitions() {
        Answer a = client.get("/v1.0/appCatalogs/teamsApps?$expand=appDefinitions&$filter="
                + enc("id eq '" + CATALOG_ID + "'"), token);
        JsonNode definition = a.json().at("/value/0/appDefinitions/0");
        assertThat(definition.get("teamsAppId").asText()).isEqualTo(CATALOG_ID);
        assertThat(definition.get("publishingState").asText()).isEqualTo("published");
    }

    @Test
    void aMalformedFilterIsABadRequest() {
        Answer a = catalog("externalId eq");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().at("/error/code").asText()).isEqualTo("BadRequest");
    }

    @Test
    void withoutAnAppCatalogRoleGraphRefuses(@TempDir Path dir) throws Exception {
        Path seed = GraphTestSeeds.changingRoles(dir, List.of("AppCatalog.Read.All"), List.of());
        try (Sandbox other = Sandbox.start(SandboxOptions.defaults().withSeed(seed))) {
            SandboxTestClient c = new SandboxTestClient(other);
            Answer a = c.get("/v1.0/appCatalogs/teamsApps?$filter=" + enc("externalId eq '" + EXTERNAL_ID + "'"),
                    c.token(SandboxTestClient.GRAPH_SCOPE));
            assertThat(a.status()).isEqualTo(403);
            assertThat(a.json().at("/error/code").asText()).isEqualTo("Forbidden");
            assertThat(a.json().at("/error/message").asText()).contains("AppCatalog.Read.All");
        }
    }
}
