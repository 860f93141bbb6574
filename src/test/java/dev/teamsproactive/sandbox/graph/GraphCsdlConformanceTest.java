package dev.teamsproactive.sandbox.graph;

import static dev.teamsproactive.sandbox.SandboxTestClient.enc;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.ADA;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.CATALOG_ID;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.ENGINEERING_GROUP;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.ENGINEERING_TEAM;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.EXTERNAL_ID;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.IRENE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient;
import dev.teamsproactive.sandbox.SandboxTestClient.Answer;
import dev.teamsproactive.sandbox.limits.LimitsMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every property name in every kind of Graph answer the sandbox gives exists in Microsoft's CSDL for the
 * answer's type (the subset of the CSDL the build is given), so a client generated from that metadata, such
 * as Microsoft's SDK, reads all of it.
 */
class GraphCsdlConformanceTest {
    @TempDir
    static Path dir;
    private static Sandbox sandbox;
    private static SandboxTestClient client;
    private static String token;
    private static CsdlTypes csdl;

    @BeforeAll
    static void start() throws Exception {
        csdl = CsdlTypes.load(Path.of(System.getProperty("shared.reference.dir"), "graph-v1.0-teams-subset.csdl.xml"));
        Path seed = GraphTestSeeds.changingRoles(dir, List.of(), GraphTestSeeds.TEAM_READ_ROLES);
        sandbox = Sandbox.start(SandboxOptions.defaults().withSeed(seed).withLimits(LimitsMode.OFF));
        client = new SandboxTestClient(sandbox);
        token = client.token(SandboxTestClient.GRAPH_SCOPE);
        assertThat(client.post("/v1.0/teams/" + ENGINEERING_TEAM + "/installedApps", token, UserInstalledAppsTest.BIND)
                .status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void theCheckerItselfCatchesAPropertyTheTypeLacks() {
        JsonNode bogus = SandboxTestClient.JSON.createObjectNode().put("id", "x").put("shoeSize", 42);
        assertThat(csdl.problems(bogus, "user", "bogus")).containsExactly("bogus: 'shoeSize' is not a property of user");
        JsonNode nested = SandboxTestClient.JSON.createObjectNode().put("id", "x")
                .set("teamsApp", SandboxTestClient.JSON.createObjectNode().put("colour", "red"));
        assertThat(csdl.problems(nested, "userScopeTeamsAppInstallation", "nested")).hasSize(1);
    }

    @Test
    void everyAnswerUsesOnlyPropertiesOfItsCsdlType() {
        String installationId = client.get(UserInstalledAppsTest.installedAppsQuery(IRENE), token).json()
                .at("/value/0/id").asText();
        String allUserProperties = String.join(",", UserShape.PROPERTIES);
        Map<String, String> entities = new LinkedHashMap<>();
        entities.put("/v1.0/users/" + ADA, "user");
        entities.put("/v1.0/users/" + ADA + "?$select=" + allUserProperties, "user");
        entities.put("/v1.0/users/" + IRENE + "/teamwork/installedApps/" + installationId
                + "?$expand=teamsApp,teamsAppDefinition", "userScopeTeamsAppInstallation");
        entities.put("/v1.0/users/" + IRENE + "/teamwork/installedApps/" + installationId + "/chat", "chat");
        entities.put("/v1.0/teams/" + ENGINEERING_TEAM + "/primaryChannel", "channel");
        entities.put("/v1.0/appCatalogs/teamsApps/" + CATALOG_ID + "?$expand=appDefinitions", "teamsApp");
        Map<String, String> collections = new LinkedHashMap<>();
        collections.put("/v1.0/appCatalogs/teamsApps?$expand=appDefinitions&$filter="
                + enc("externalId eq '" + EXTERNAL_ID + "'"), "teamsApp");
        collections.put("/v1.0/users?$top=5", "user");
        collections.put("/v1.0/users?$top=5&$select=" + allUserProperties, "user");
        collections.put("/v1.0/users/" + IRENE + "/teamwork/installedApps?$expand=teamsApp,teamsAppDefinition",
                "userScopeTeamsAppInstallation");
        collections.put("/v1.0/teams/" + ENGINEERING_TEAM + "/installedApps?$expand=teamsApp,teamsAppDefinition",
                "teamsAppInstallation");
        collections.put("/v1.0/teams/" + ENGINEERING_TEAM + "/channels", "channel");
        collections.put("/v1.0/teams/" + ENGINEERING_TEAM + "/members?$top=3", "conversationMember");
        collections.put("/v1.0/groups/" + ENGINEERING_GROUP + "/members", "directoryObject");
        collections.put("/v1.0/groups/" + ENGINEERING_GROUP + "/transitiveMembers", "directoryObject");
        collections.put("/v1.0/groups/" + ENGINEERING_GROUP + "/transitiveMembers/microsoft.graph.user?$top=3", "user");

        List<String> problems = new ArrayList<>();
        entities.forEach((path, type) -> problems.addAll(csdl.problems(answer(path), type, path)));
        collections.forEach((path, type) -> {
            JsonNode page = answer(path);
            for (Iterator<String> names = page.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!List.of("@odata.context", "@odata.nextLink", "value").contains(name)) {
                    problems.add(path + ": unexpected collection member '" + name + "'");
                }
            }
            assertThat(page.get("value")).as(path).isNotEmpty();
            for (int i = 0; i < page.get("value").size(); i++) {
                problems.addAll(csdl.problems(page.get("value").get(i), type, path + " value[" + i + "]"));
            }
        });
        assertThat(problems).isEmpty();
    }

    private static JsonNode answer(String path) {
        Answer a = client.get(path, token);
        assertThat(a.status()).as(path).isEqualTo(200);
        return a.json();
    }
}
