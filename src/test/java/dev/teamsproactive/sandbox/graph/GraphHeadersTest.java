package dev.teamsproactive.sandbox.graph;

import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.ADA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient;
import dev.teamsproactive.sandbox.SandboxTestClient.Answer;
import dev.teamsproactive.sandbox.limits.LimitsMode;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every Graph answer carries request-id and client-request-id, as support cases quote them. */
class GraphHeadersTest {
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

    @Test
    void successesErrorsAndUnknownPathsAllCarryARequestId() {
        for (Answer a : new Answer[] {client.get("/v1.0/users/" + ADA, token), client.get("/v1.0/users/nobody", token),
                client.get("/v1.0/users/" + ADA, null), client.get("/v1.0/no/such/thing", token)}) {
            assertThat(a.header("request-id")).as("status " + a.status()).matches("[0-9a-f-]{36}");
            assertThat(a.header("client-request-id")).isEqualTo(a.header("request-id"));
        }
    }

    @Test
    void aClientRequestIdIsEchoedAndTheErrorBodyAgreesWithTheHeaders() {
        Answer a = client.send(HttpRequest.newBuilder(URI.create(sandbox.url() + "/v1.0/users/nobody"))
                .header("Authorization", "Bearer " + token).header("client-request-id", "my-correlation-1").GET().build());
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.header("client-request-id")).isEqualTo("my-correlation-1");
        assertThat(a.json().at("/error/innerError/client-request-id").asText()).isEqualTo("my-correlation-1");
        assertThat(a.json().at("/error/innerError/request-id").asText()).isEqualTo(a.header("request-id"));
    }

    @Test
    void aBotConnectorTokenIsRefusedInGraphsShape() {
        Answer a = client.get("/v1.0/users/" + ADA, client.token(SandboxTestClient.BOT_SCOPE));
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.json().at("/error/code").asText()).isEqualTo("InvalidAuthenticationToken");
        assertThat(a.header("request-id")).isNotBlank();
    }
}
