package dev.teamsproactive.sandbox.graph;

import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.ADA;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.CATALOG_ID;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.GRACE;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.IRENE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient;
import dev.teamsproactive.sandbox.SandboxTestClient.Answer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /v1.0/$batch}: several Graph requests in one, each answered (and throttled) as if sent alone. */
class GraphBatchTest {
    private static Sandbox sandbox;
    private static SandboxTestClient client;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults());
        client = new SandboxTestClient(sandbox);
        token = client.token(SandboxTestClient.GRAPH_SCOPE);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static ObjectNode request(String id, String method, String url) {
        ObjectNode r = SandboxTestClient.JSON.createObjectNode().put("id", id).put("method", method).put("url", url);
        return r;
    }

    private static Answer batch(ObjectNode... requests) {
        ObjectNode body = SandboxTestClient.JSON.createObjectNode();
        ArrayNode list = body.putArray("requests");
        for (ObjectNode r : requests) {
            list.add(r);
        }
        return client.post("/v1.0/$batch", token, body.toString());
    }

    private static Map<String, JsonNode> byId(Answer a) {
        assertThat(a.status()).isEqualTo(200);
        Map<String, JsonNode> out = new HashMap<>();
        a.json().get("responses").forEach(r -> out.put(r.get("id").asText(), r));
        return out;
    }

    @Test
    void answersEachRequestWithItsOwnStatusAndBody() {
        Map<String, JsonNode> r = byId(batch(request("1", "GET", "/users/" + ADA + "?$select=id,mail"),
                request("2", "GET", "users/nobody@contoso.example"),
                request("3", "GET", "/appCatalogs/teamsApps?$filter=externalId eq '" + GraphTestSeeds.EXTERNAL_ID + "'")));
        assertThat(r).containsOnlyKeys("1", "2", "3");
        assertThat(r.get("1").get("status").asInt()).isEqualTo(200);
        assertThat(r.get("1").at("/body/mail").asText()).isEqualTo("ada@contoso.example");
        assertThat(r.get("1").at("/headers/Content-Type").asText()).startsWith("application/json");
        assertThat(r.get("2").get("status").asInt()).isEqualTo(404);
        assertThat(r.get("2").at("/body/error/code").asText()).isEqualTo("Request_ResourceNotFound");
        assertThat(r.get("3").at("/body/value/0/id").asText()).isEqualTo(CATALOG_ID);
    }

    @Test
    void dependentRequestsRunInOrderAndFailWithTheirDependency() {
        ObjectNode install = request("install", "POST", "/users/" + GRACE + "/teamwork/installedApps");
        install.set("body", SandboxTestClient.JSON.createObjectNode().put("teamsApp@odata.bind",
                "https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/" + CATALOG_ID));
        install.putObject("headers").put("Content-Type", "application/json");
        ObjectNode list = request("list", "GET", "/users/" + GRACE + "/teamwork/installedApps?$expand=teamsApp");
        list.putArray("dependsOn").add("install");
        ObjectNode again = request("again", "POST", "/users/" + GRACE + "/teamwork/installedApps");
        again.set("body", install.get("body"));
        again.putObject("headers").put("Content-Type", "application/json");
        again.putArray("dependsOn").add("list");
        ObjectNode afterConflict = request("after", "GET", "/users/" + GRACE);
        afterConflict.putArray("dependsOn").add("again");

        Answer a = batch(install, list, again, afterConflict);
        List<String> order = new java.util.ArrayList<>();
        a.json().get("responses").forEach(x -> order.add(x.get("id").asText()));
        assertThat(order).containsExactly("install", "list", "again", "after");
        Map<String, JsonNode> r = byId(a);
        assertThat(r.get("install").get("status").asInt()).isEqualTo(201);
        assertThat(r.get("install").has("body")).isFalse();
        assertThat(r.get("list").at("/body/value/0/teamsApp/id").asText()).isEqualTo(CATALOG_ID);
        assertThat(r.get("again").get("status").asInt()).isEqualTo(409);
        assertThat(r.get("after").get("status").asInt()).isEqualTo(424);
    }

    @Test
    void eachRequestIsThrottledOnItsOwn() {
        String installationId = client.get(UserInstalledAppsTest.installedAppsQuery(IRENE), token).json()
                .at("/value/0/id").asText();
        String chat = "/users/" + IRENE + "/teamwork/installedApps/" + installationId + "/chat";
        Map<String, JsonNode> r = byId(batch(request("a", "GET", chat), request("b", "GET", chat)));
        List<Integer> statuses = r.values().stream().map(x -> x.get("status").asInt()).sorted().toList();
        assertThat(statuses).as("one chat, at most once a second").containsExactly(200, 429);
        JsonNode throttled = r.values().stream().filter(x -> x.get("status").asInt() == 429).findFirst().orElseThrow();
        assertThat(throttled.at("/headers/Retry-After").asText()).isNotEmpty();
        assertThat(throttled.at("/body/error/code").asText()).isEqualTo("TooManyRequests");
    }

    @Test
    void moreThanTwentyRequestsOrAMalformedBatchAreRefused() {
        ObjectNode[] many = new ObjectNode[21];
        for (int i = 0; i < many.length; i++) {
            many[i] = request(Integer.toString(i), "GET", "/users/" + ADA);
        }
        assertThat(batch(many).status()).isEqualTo(400);
        assertThat(batch(request("1", "GET", "/users/" + ADA), request("1", "GET", "/users/" + GRACE)).status())
                .as("duplicate ids").isEqualTo(400);
        assertThat(batch(request("1", "GET", "https://graph.microsoft.com/v1.0/users")).status()).as("absolute url")
                .isEqualTo(400);
        assertThat(client.post("/v1.0/$batch", token, "{\"requests\":\"no\"}").status()).isEqualTo(400);
        assertThat(client.post("/v1.0/$batch", null, "{\"requests\":[]}").status()).as("no token").isEqualTo(401);
    }
}
