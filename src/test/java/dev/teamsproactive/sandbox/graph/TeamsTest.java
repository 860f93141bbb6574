package dev.teamsproactive.sandbox.graph;

import static dev.teamsproactive.sandbox.SandboxTestClient.enc;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.ADA;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.CATALOG_ID;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.ENGINEERING_TEAM;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.GENERAL_CHANNEL;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.TENANT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient;
import dev.teamsproactive.sandbox.SandboxTestClient.Answer;
import dev.teamsproactive.sandbox.limits.LimitsMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A team: install the app in it, its General channel, its channels and its members. */
class TeamsTest {
    private static final String TEAM = "/v1.0/teams/" + ENGINEERING_TEAM;
    @TempDir
    static Path dir;
    private static Sandbox sandbox;
    private static SandboxTestClient client;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        Path seed = GraphTestSeeds.changingRoles(dir, List.of(), GraphTestSeeds.TEAM_READ_ROLES);
        sandbox = Sandbox.start(SandboxOptions.defaults().withSeed(seed).withLimits(LimitsMode.OFF));
        client = new SandboxTestClient(sandbox);
        token = client.token(SandboxTestClient.GRAPH_SCOPE);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void installsTheAppInATeamOnceThenConflicts() {
        String installedApps = TEAM + "/installedApps?$expand=teamsApp&$filter=" + enc("teamsApp/id eq '" + CATALOG_ID + "'");
        assertThat(client.get(installedApps, token).json().get("value")).isEmpty();
        Answer first = client.post(TEAM + "/installedApps", token, UserInstalledAppsTest.BIND);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body()).isEmpty();
        assertThat(client.post(TEAM + "/installedApps", token, UserInstalledAppsTest.BIND).status()).isEqualTo(409);
        Answer listed = client.get(installedApps, token);
        assertThat(listed.json().get("@odata.context").asText()).endsWith("$metadata#teams('" + ENGINEERING_TEAM + "')/installedApps");
        assertThat(listed.json().at("/value/0/teamsApp/id").asText()).isEqualTo(CATALOG_ID);
    }

    @Test
    void thePrimaryChannelIsGeneral() {
        Answer a = client.get(TEAM + "/primaryChannel", token);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("id").asText()).isEqualTo(GENERAL_CHANNEL);
        assertThat(a.json().get("displayName").asText()).isEqualTo("General");
        assertThat(a.json().get("@odata.context").asText())
                .endsWith("$metadata#teams('" + ENGINEERING_TEAM + "')/primaryChannel/$entity");
    }

    @Test
    void listsTheChannels() {
        Answer a = client.get(TEAM + "/channels", token);
        List<String> names = new ArrayList<>();
        a.json().get("value").forEach(c -> names.add(c.get("displayName").asText()));
        assertThat(names).containsExactly("General", "Releases");
    }

    @Test
    void membersComePagedAsConversationMembers() {
        Set<String> userIds = new HashSet<>();
        int pages = 0;
        String next = TEAM + "/members?$top=5";
        while (next != null) {
            Answer a = client.get(next, token);
            assertThat(a.status()).isEqualTo(200);
            for (JsonNode m : a.json().get("value")) {
                assertThat(m.get("@odata.type").asText()).isEqualTo("#microsoft.graph.aadUserConversationMember");
                assertThat(m.get("roles").isArray()).isTrue();
                assertThat(m.get("tenantId").asText()).isEqualTo(TENANT_ID);
                assertThat(m.get("email").asText()).contains("@");
                userIds.add(m.get("userId").asText());
            }
            pages++;
            String link = a.json().path("@odata.nextLink").asText(null);
            next = link == null ? null : UsersTest.pathOf(link);
        }
        assertThat(userIds).hasSize(12).contains(ADA);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void membersFilterByUserIdAsGraphsExampleWritesIt() {
        Answer a = client.get(TEAM + "/members?$filter="
                + enc("(microsoft.graph.aadUserConversationMember/userId eq '" + ADA + "')"), token);
        assertThat(a.json().get("value")).hasSize(1);
        assertThat(a.json().at("/value/0/displayName").asText()).isEqualTo("Ada Lovelace");
    }

    @Test
    void anUnknownTeamIsNotFound() {
        Answer a = client.get("/v1.0/teams/00000000-0000-0000-0000-000000000001/primaryChannel", token);
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.json().at("/error/code").asText()).isEqualTo("NotFound");
        assertThat(client.post("/v1.0/teams/00000000-0000-0000-0000-000000000001/installedApps", token,
                UserInstalledAppsTest.BIND).status()).isEqualTo(404);
    }

    @Test
    void withoutATeamInstallRoleTheTeamInstallIsForbidden(@TempDir Path other) throws Exception {
        Path seed = GraphTestSeeds.changingRoles(other, List.of("TeamsAppInstallation.ReadWriteSelfForTeam.All"), List.of());
        try (Sandbox s = Sandbox.start(SandboxOptions.defaults().withSeed(seed))) {
            SandboxTestClient c = new SandboxTestClient(s);
            String t = c.token(SandboxTestClient.GRAPH_SCOPE);
            Answer a = c.post(TEAM + "/installedApps", t, UserInstalledAppsTest.BIND);
            assertThat(a.status()).isEqualTo(403);
            assertThat(a.json().at("/error/message").asText()).contains("TeamsAppInstallation.ReadWriteSelfForTeam.All");
            assertThat(c.get(TEAM + "/installedApps", t).status()).isEqualTo(403);
        }
    }

    @Test
    void withoutTheTeamReadRolesTeamMembersAndChannelsAreForbidden(@TempDir Path other) throws Exception {
        Path seed = GraphTestSeeds.changingRoles(other, GraphTestSeeds.TEAM_READ_ROLES, List.of());
        try (Sandbox plain = Sandbox.start(SandboxOptions.defaults().withSeed(seed))) {
            SandboxTestClient c = new SandboxTestClient(plain);
            String t = c.token(SandboxTestClient.GRAPH_SCOPE);
            for (String path : List.of(TEAM + "/members", TEAM + "/primaryChannel")) {
                Answer a = c.get(path, t);
                assertThat(a.status()).as(path).isEqualTo(403);
                assertThat(a.json().at("/error/code").asText()).isEqualTo("Forbidden");
            }
            assertThat(c.get(TEAM + "/installedApps", t).status()).as("installing in teams is granted").isEqualTo(200);
        }
    }
}
