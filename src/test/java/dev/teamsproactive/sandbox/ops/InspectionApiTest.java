package dev.teamsproactive.sandbox.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient;
import dev.teamsproactive.sandbox.SandboxTestClient.Answer;
import dev.teamsproactive.sandbox.tenant.Seed;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /_sandbox/stats}, {@code /_sandbox/requests} and {@code /_sandbox/reset}: the sandbox's inspection API. */
class InspectionApiTest {
    private Sandbox sandbox;
    private TokenRequests token;
    private SandboxTestClient client;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults());
        token = new TokenRequests(sandbox);
        client = token.client();
    }

    @AfterEach
    void close() {
        sandbox.close();
    }

    @Test
    void statsCountRequestsByPathTemplateAndStatus() {
        token.graphToken();
        token.graphToken();
        client.tokenRequest(sandbox.tenant().tenantId(), "grant_type=client_credentials");
        client.get("/nowhere", null);

        JsonNode stats = token.stats();

        assertThat(fieldNames(stats)).containsExactly("requests", "throttled", "installs", "deliveries");
        JsonNode requests = stats.get("requests");
        assertThat(fieldNames(requests)).containsExactlyInAnyOrder(TokenRequests.TEMPLATE, "GET (no such path)");
        assertThat(requests.get(TokenRequests.TEMPLATE).get("200").asLong()).isEqualTo(2);
        assertThat(requests.get(TokenRequests.TEMPLATE).get("400").asLong()).isEqualTo(1);
        assertThat(fieldNames(requests.get(TokenRequests.TEMPLATE))).containsExactlyInAnyOrder("200", "400");
        assertThat(stats.get("throttled").isIntegralNumber()).isTrue();
        assertThat(stats.get("throttled").asLong()).isZero();
        assertThat(stats.get("installs").asLong()).isEqualTo(seedInstalled());
        assertThat(stats.get("deliveries").asLong()).isZero();
    }

    @Test
    void requestsListsTheLastRequestsOldestFirstWithoutTheInspectionCalls() {
        Instant before = Instant.now().minusSeconds(1);
        token.graphToken();
        token.stats();
        client.send(HttpRequest.newBuilder(URI.create(client.url() + "/nowhere/at/all?x=1&y=two")).GET().build());

        JsonNode log = token.requests();

        assertThat(log).hasSize(2);
        JsonNode first = log.get(0);
        assertThat(fieldNames(first)).containsExactly("method", "path", "query", "status", "at");
        assertThat(first.get("method").asText()).isEqualTo("POST");
        assertThat(first.get("path").asText()).isEqualTo("/" + sandbox.tenant().tenantId() + "/oauth2/v2.0/token");
        assertThat(first.get("query").isNull()).isTrue();
        assertThat(first.get("status").asInt()).isEqualTo(200);
        JsonNode second = log.get(1);
        assertThat(second.get("method").asText()).isEqualTo("GET");
        assertThat(second.get("path").asText()).isEqualTo("/nowhere/at/all");
        assertThat(second.get("query").asText()).isEqualTo("x=1&y=two");
        assertThat(Instant.parse(first.get("at").asText())).isAfter(before);
        assertThat(Instant.parse(second.get("at").asText())).isAfterOrEqualTo(Instant.parse(first.get("at").asText()));
    }

    @Test
    void resetForgetsInstallsDeliveriesAndCountersButKeepsTheSeed() {
        String ada = seedUser("ada@contoso.example").id();
        sandbox.tenant().installations().installForUser(ada);
        sandbox.tenant().deliveries().add(sandbox.tenant().installations().chatIdOf(ada), ada, "hello", null, null);
        token.graphToken();
        assertThat(token.stats().get("installs").asLong()).isEqualTo(seedInstalled() + 1);
        assertThat(token.stats().get("deliveries").asLong()).isEqualTo(1);

        Answer reset = client.post("/_sandbox/reset", null, null);

        assertThat(reset.status()).isEqualTo(200);
        JsonNode stats = token.stats();
        assertThat(stats.get("requests").isEmpty()).isTrue();
        assertThat(stats.get("throttled").asLong()).isZero();
        assertThat(stats.get("installs").asLong()).isEqualTo(seedInstalled());
        assertThat(stats.get("deliveries").asLong()).isZero();
        assertThat(token.requests()).isEmpty();
        assertThat(client.get("/_sandbox/deliveries", null).json()).isEmpty();
        assertThat(sandbox.tenant().installations().forUser(ada)).isEmpty();
        for (Seed.User u : sandbox.tenant().seed().users()) {
            if (u.installed()) {
                assertThat(sandbox.tenant().installations().forUser(u.id())).as(u.userPrincipalName()).isPresent();
            }
        }
        // The seed itself stays: its credentials still get tokens.
        assertThat(token.graphToken().status()).isEqualTo(200);
    }

    private long seedInstalled() {
        long n = sandbox.tenant().seed().users().stream().filter(Seed.User::installed).count();
        assertThat(n).as("the default tenant has a user with installed: true").isPositive();
        return n;
    }

    private Seed.User seedUser(String upn) {
        return sandbox.tenant().seed().users().stream().filter(u -> u.userPrincipalName().equals(upn)).findFirst().orElseThrow();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
