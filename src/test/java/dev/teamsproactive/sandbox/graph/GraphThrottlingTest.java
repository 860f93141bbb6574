package dev.teamsproactive.sandbox.graph;

import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.IRENE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient;
import dev.teamsproactive.sandbox.SandboxTestClient.Answer;
import dev.teamsproactive.sandbox.tenant.SyntheticUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Graph's documented limits, as the sandbox enforces them by default. */
class GraphThrottlingTest {
    private Sandbox sandbox;
    private SandboxTestClient client;
    private String token;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults().withUsers(200));
        client = new SandboxTestClient(sandbox);
        token = client.token(SandboxTestClient.GRAPH_SCOPE);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Answer install(int syntheticUser) {
        return client.post("/v1.0/users/" + SyntheticUsers.idOf(syntheticUser) + "/teamwork/installedApps", token,
                UserInstalledAppsTest.BIND);
    }

    @Test
    void installsBeyondThirtyPerSecondAre429sWhoseRetryAfterIsHonest() throws InterruptedException {
        Answer throttled = null;
        int user = 1;
        for (; user <= 200 && throttled == null; user++) {
            Answer a = install(user);
            if (a.status() == 429) {
                throttled = a;
            } else {
                assertThat(a.status()).isEqualTo(201);
            }
        }
        assertThat(throttled).as("more than 30 installs in a burst are throttled").isNotNull();
        assertThat(user - 1).as("the bucket holds 30").isGreaterThan(30);
        JsonNode error = throttled.json().get("error");
        assertThat(error.get("code").asText()).isEqualTo("TooManyRequests");
        assertThat(error.get("message").asText()).isEqualTo("Please retry again later.");
        assertThat(error.at("/innerError/code").asText()).isEqualTo("429");
        assertThat(error.at("/innerError/request-id").asText()).isEqualTo(throttled.header("request-id"));
        double retryAfter = Double.parseDouble(throttled.header("Retry-After"));
        assertThat(retryAfter).isPositive().isLessThanOrEqualTo(1.0);
        Thread.sleep((long) Math.ceil(retryAfter * 1000));
        assertThat(install(user - 1).status()).as("the throttled install, retried after Retry-After").isEqualTo(201);
    }

    @Test
    void oneChatIsLookedUpAtMostOncePerSecond() {
        String installationId = client.get(UserInstalledAppsTest.installedAppsQuery(IRENE), token).json()
                .at("/value/0/id").asText();
        String chat = "/v1.0/users/" + IRENE + "/teamwork/installedApps/" + installationId + "/chat";
        assertThat(client.get(chat, token).status()).isEqualTo(200);
        Answer again = client.get(chat, token);
        assertThat(again.status()).isEqualTo(429);
        assertThat(again.json().at("/error/code").asText()).isEqualTo("TooManyRequests");
    }

    @Test
    void oneTeamTakesAtMostFourRequestsPerSecond() {
        String path = "/v1.0/teams/" + GraphTestSeeds.ENGINEERING_TEAM + "/installedApps";
        int ok = 0;
        Answer a = client.get(path, token);
        while (a.status() == 200 && ok < 50) {
            ok++;
            a = client.get(path, token);
        }
        assertThat(a.status()).isEqualTo(429);
        assertThat(ok).as("4 at once, plus what refills meanwhile").isBetween(4, 8);
    }
}
