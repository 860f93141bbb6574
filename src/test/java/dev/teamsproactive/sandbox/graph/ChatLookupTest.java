package dev.teamsproactive.sandbox.graph;

import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.ADA;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.BOT_APP_ID;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.IRENE;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.SAM_SLOW;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.TENANT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient;
import dev.teamsproactive.sandbox.SandboxTestClient.Answer;
import dev.teamsproactive.sandbox.limits.LimitsMode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /v1.0/users/{id}/teamwork/installedApps/{installationId}/chat}: the conversation id for the bot. */
class ChatLookupTest {
    private static final Duration SLOW_CHAT = Duration.ofMillis(300);
    private static Sandbox sandbox;
    private static SandboxTestClient client;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults().withLimits(LimitsMode.OFF).withSlowChatDelay(SLOW_CHAT));
        client = new SandboxTestClient(sandbox);
        token = client.token(SandboxTestClient.GRAPH_SCOPE);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static String installationId(String userId) {
        Answer a = client.get(UserInstalledAppsTest.installedAppsQuery(userId), token);
        return a.json().at("/value/0/id").asText();
    }

    private static Answer chat(String userId, String installationId) {
        return client.get("/v1.0/users/" + userId + "/teamwork/installedApps/" + installationId + "/chat", token);
    }

    @Test
    void theChatOfAnInstallationIsTheBotsOneOnOneConversation() {
        Answer a = chat(IRENE, installationId(IRENE));
        assertThat(a.status()).isEqualTo(200);
        JsonNode chat = a.json();
        assertThat(chat.get("@odata.context").asText()).isEqualTo(sandbox.url() + "/v1.0/$metadata#chats/$entity");
        assertThat(chat.get("id").asText()).isEqualTo("19:" + IRENE + "_" + BOT_APP_ID + "@unq.gbl.spaces");
        assertThat(chat.get("chatType").asText()).isEqualTo("oneOnOne");
        assertThat(chat.get("tenantId").asText()).isEqualTo(TENANT_ID);
        assertThat(chat.get("topic").isNull()).isTrue();
        assertThat(chat.get("webUrl").asText()).startsWith("https://teams.microsoft.com/l/chat/19%3A");
        assertThat(Instant.parse(chat.get("createdDateTime").asText())).isBefore(Instant.now());
    }

    @Test
    void anUnknownInstallationIsNotFound() {
        Answer a = chat(IRENE, "bm90LWFuLWluc3RhbGxhdGlvbg==");
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.json().at("/error/code").asText()).isEqualTo("NotFound");
        assertThat(chat(ADA, sandbox.tenant().installations().installationId(ADA)).status())
                .as("an id shaped right, but the app is not installed").isEqualTo(404);
    }

    @Test
    void aSlowChatIsNotFoundRightAfterTheInstallThenAppears() throws InterruptedException {
        assertThat(client.post("/v1.0/users/" + SAM_SLOW + "/teamwork/installedApps", token, UserInstalledAppsTest.BIND)
                .status()).isEqualTo(201);
        String installationId = installationId(SAM_SLOW);
        assertThat(chat(SAM_SLOW, installationId).status()).isEqualTo(404);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Answer a = chat(SAM_SLOW, installationId);
        while (a.status() == 404 && System.nanoTime() < deadline) {
            Thread.sleep(25);
            a = chat(SAM_SLOW, installationId);
        }
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("id").asText()).startsWith("19:" + SAM_SLOW + "_");
    }
}
