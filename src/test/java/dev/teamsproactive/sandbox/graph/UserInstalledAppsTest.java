package dev.teamsproactive.sandbox.graph;

import static dev.teamsproactive.sandbox.SandboxTestClient.enc;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.ADA;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.CATALOG_ID;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.EXTERNAL_ID;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.GRACE;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.IRENE;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.PAT_POLICY;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /v1.0/users/{id}/teamwork/installedApps}: is it installed, install, upgrade, uninstall. */
class UserInstalledAppsTest {
    static final String BIND = "{\"teamsApp@odata.bind\":\"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/"
            + CATALOG_ID + "\"}";
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

    @BeforeEach
    void forgetInstalls() {
        sandbox.tenant().reset();
    }

    static String installedAppsQuery(String userIdOrUpn) {
        return "/v1.0/users/" + enc(userIdOrUpn) + "/teamwork/installedApps?$expand=teamsApp&$filter="
                + enc("teamsApp/id eq '" + CATALOG_ID + "'");
    }

    private static Answer install(String userIdOrUpn, String body) {
        return client.post("/v1.0/users/" + enc(userIdOrUpn) + "/teamwork/installedApps", token, body);
    }

    @Test
    void notInstalledIsAnEmptyValue() {
        Answer a = client.get(installedAppsQuery(ADA), token);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("value")).isEmpty();
        assertThat(a.json().get("@odata.context").asText())
                .isEqualTo(sandbox.url() + "/v1.0/$metadata#users('" + ADA + "')/teamwork/installedApps");
    }

    @Test
    void installAnswers201WithNoBodyThen409() {
        Answer first = install(ADA, BIND);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body()).isEmpty();
        Answer again = install(ADA, BIND);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().at("/error/code").asText()).isEqualTo("Conflict");
    }

    @Test
    void afterInstallTheInstallationIsListedWithItsApp() {
        assertThat(install(ADA, BIND).status()).isEqualTo(201);
        Answer a = client.get(installedAppsQuery(ADA), token);
        assertThat(a.json().get("value")).hasSize(1);
        JsonNode installation = a.json().at("/value/0");
        assertThat(installation.get("id").asText()).isEqualTo(sandbox.tenant().installations().installationId(ADA));
        assertThat(installation.at("/teamsApp/id").asText()).isEqualTo(CATALOG_ID);
        assertThat(installation.at("/teamsApp/externalId").asText()).isEqualTo(EXTERNAL_ID);
        assertThat(installation.at("/teamsApp/displayName").asText()).isEqualTo("Contoso Announcements");
        assertThat(installation.at("/teamsApp/distributionMethod").asText()).isEqualTo("organization");
        assertThat(installation.has("teamsAppDefinition")).isFalse();
    }

    @Test
    void installsAndListsByUpnToo() {
        assertThat(install("Grace@Contoso.example", BIND).status()).isEqualTo(201);
        assertThat(client.get(installedAppsQuery(GRACE), token).json().get("value")).hasSize(1);
    }

    @Test
    void theSeedsPreinstalledUserIsListedAndTheDefinitionExpands() {
        Answer a = client.get("/v1.0/users/" + IRENE + "/teamwork/installedApps?$expand=teamsApp,teamsAppDefinition", token);
        assertThat(a.json().get("value")).hasSize(1);
        assertThat(a.json().at("/value/0/teamsAppDefinition/teamsAppId").asText()).isEqualTo(CATALOG_ID);
        assertThat(a.json().at("/value/0/teamsAppDefinition/version").asText()).isNotEmpty();
    }

    @Test
    void aFilterOnAnotherAppFindsNothing() {
        Answer a = client.get("/v1.0/users/" + IRENE + "/teamwork/installedApps?$expand=teamsApp&$filter="
                + enc("teamsApp/id eq 'another-app'"), token);
        assertThat(a.json().get("value")).isEmpty();
    }

    @Test
    void anAppNotInTheCatalogIsNotFound() {
        Answer a = install(ADA, BIND.replace(CATALOG_ID, "11111111-2222-3333-4444-555555555555"));
        assertThat(a.status()).isEqualTo(404);
        assertThat(client.get(installedAppsQuery(ADA), token).json().get("value")).isEmpty();
    }

    @Test
    void anUnknownUserIsNotFound() {
        assertThat(install("nobody@contoso.example", BIND).status()).isEqualTo(404);
        assertThat(client.get(installedAppsQuery("nobody@contoso.example"), token).status()).isEqualTo(404);
    }

    @Test
    void theTenantsAppPolicyBlocksTheInstallWith403() {
        Answer a = install(PAT_POLICY, BIND);
        assertThat(a.status()).isEqualTo(403);
        assertThat(a.json().at("/error/code").asText()).isEqualTo("Forbidden");
        assertThat(a.json().at("/error/message").asText()).containsIgnoringCase("policy");
        assertThat(client.get(installedAppsQuery(PAT_POLICY), token).json().get("value")).isEmpty();
    }

    @Test
    void aMalformedBodyIsABadRequest() {
        for (String body : List.of("", "not json", "[]", "{}", "{\"teamsApp@odata.bind\":42}",
                "{\"teamsApp@odata.bind\":\"https://graph.microsoft.com/v1.0/users/x\"}",
                "{\"teamsApp\":\"" + CATALOG_ID + "\"}")) {
            Answer a = install(ADA, body);
            assertThat(a.status()).as(body).isEqualTo(400);
            assertThat(a.json().at("/error/code").asText()).isEqualTo("BadRequest");
        }
        assertThat(client.get(installedAppsQuery(ADA), token).json().get("value")).isEmpty();
    }

    @Test
    void upgradeThenUninstallThenTheInstallationIsGone() {
        assertThat(install(ADA, BIND).status()).isEqualTo(201);
        String installationId = client.get(installedAppsQuery(ADA), token).json().at("/value/0/id").asText();
        String path = "/v1.0/users/" + ADA + "/teamwork/installedApps/" + installationId;
        assertThat(client.get(path + "?$expand=teamsApp", token).json().at("/teamsApp/id").asText()).isEqualTo(CATALOG_ID);
        assertThat(client.post(path + "/upgrade", token, null).status()).isEqualTo(204);
        assertThat(client.delete(path, token).status()).isEqualTo(204);
        assertThat(client.get(installedAppsQuery(ADA), token).json().get("value")).isEmpty();
        assertThat(client.delete(path, token).status()).isEqualTo(404);
        assertThat(client.post(path + "/upgrade", token, null).status()).isEqualTo(404);
        assertThat(install(ADA, BIND).status()).as("installable again").isEqualTo(201);
    }

    @Test
    void withoutAnInstallRoleTheInstallIsForbidden(@TempDir Path dir) throws Exception {
        Path seed = GraphTestSeeds.changingRoles(dir, List.of("TeamsAppInstallation.ReadWriteSelfForUser.All"),
                List.of("TeamsAppInstallation.ReadForUser.All"));
        try (Sandbox other = Sandbox.start(SandboxOptions.defaults().withSeed(seed))) {
            SandboxTestClient c = new SandboxTestClient(other);
            String t = c.token(SandboxTestClient.GRAPH_SCOPE);
            Answer a = c.post("/v1.0/users/" + ADA + "/teamwork/installedApps", t, BIND);
            assertThat(a.status()).isEqualTo(403);
            assertThat(a.json().at("/error/message").asText()).contains("TeamsAppInstallation.ReadWriteSelfForUser.All");
            assertThat(c.get(installedAppsQuery(ADA), t).status()).as("reading is enough for the list").isEqualTo(200);
        }
    }

    @Test
    void withNoTeamsAppInstallationRoleEvenTheListIsForbidden(@TempDir Path dir) throws Exception {
        Path seed = GraphTestSeeds.withRoles(dir, java.util.Set.of("User.Read.All"));
        try (Sandbox other = Sandbox.start(SandboxOptions.defaults().withSeed(seed))) {
            SandboxTestClient c = new SandboxTestClient(other);
            Answer a = c.get(installedAppsQuery(ADA), c.token(SandboxTestClient.GRAPH_SCOPE));
            assertThat(a.status()).isEqualTo(403);
            assertThat(a.json().at("/error/code").asText()).isEqualTo("Forbidden");
        }
    }
}
