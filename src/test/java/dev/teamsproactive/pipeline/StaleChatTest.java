package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.ledger.Ledger;
import dev.teamsproactive.sandbox.SandboxOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chat in the conversation cache that went stale: the send is refused (403 BotNotInConversationRoster after the
 * app was uninstalled, 404 ConversationNotFound for a chat that is gone). The pipeline forgets it, installs the app
 * again, finds the chat again and sends once more; a second refusal is FAILED with the service's code.
 */
class StaleChatTest {
    private static final String TENANT = "7f3c1a52-9e4b-4d8c-b1a6-3e5f2d7c9a10";
    @TempDir
    Path work;
    private PipelineFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = PipelineFixture.start(work, SandboxOptions.defaults());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aChatLeftByAnUninstallIsRepairedAndTheSecondCampaignIsSent() throws Exception {
        // uma.uninstall: the app is removed right after her first message, so her cached chat goes stale.
        JsonNode first = fixture.sendOk(csv("first.csv", "upn,name\numa.uninstall@contoso.example,Uma\n"));
        assertThat(first.get("sent").asInt()).isEqualTo(1);

        JsonNode second = fixture.sendOk(csv("second.csv", "upn,name\numa.uninstall@contoso.example,Uma again\n"));

        assertThat(second.get("sent").asInt()).as("summary %s", second).isEqualTo(1);
        assertThat(fixture.sandboxDeliveries()).hasSize(2);
        assertThat(statuses("POST /v3/conversations/", 403)).as("the stale send").isEqualTo(1);
        assertThat(count("POST", "/teamwork/installedApps")).as("installed, then installed again").isEqualTo(2);
    }

    @Test
    void aChatThatIsGoneIsLookedUpAgainAndASecondRefusalIsTheOutcome() throws Exception {
        JsonNode first = fixture.sendOk(csv("first.csv", "upn,name\nada@contoso.example,Ada\nbob.blocker@contoso.example,Bob\n"));
        Map<String, String> userIds = fixture.deliveriesCsv(first.get("campaignId").asText()).stream()
                .collect(Collectors.toMap(r -> r.get("recipient"), r -> r.get("userId")));
        // Both chats in the cache now point at a conversation the Bot Connector does not know.
        try (Ledger ledger = Ledger.open("jdbc:h2:file:" + work.resolve("ledger").resolve("ledger"), "sa", "")) {
            for (String userId : userIds.values()) {
                ledger.saveConversation(TENANT, userId, "gone", "19:gone@unq.gbl.spaces", fixture.sandbox.url());
            }
        }

        JsonNode second = fixture.sendOk(csv("second.csv", "upn,name\nada@contoso.example,Ada\nbob.blocker@contoso.example,Bob\n"));

        Map<String, CSVRecord> rows = fixture.deliveriesCsv(second.get("campaignId").asText()).stream()
                .collect(Collectors.toMap(r -> r.get("recipient"), r -> r));
        assertThat(rows.get("ada@contoso.example").get("status")).isEqualTo("SENT");
        assertThat(rows.get("ada@contoso.example").get("conversationId")).isNotEqualTo("19:gone@unq.gbl.spaces");
        // Bob blocks the bot: after the repair, his refusal is his outcome, with the service's code.
        assertThat(rows.get("bob.blocker@contoso.example").get("status")).isEqualTo("FAILED");
        assertThat(rows.get("bob.blocker@contoso.example").get("code")).isEqualTo("ConversationBlockedByUser");
        assertThat(statuses("POST /v3/conversations/19:gone", 404)).as("one stale send each").isEqualTo(2);
        assertThat(count("POST", "/v3/conversations/")).as("2 in the first campaign, 2 stale + 2 repaired").isEqualTo(6);
    }

    private long statuses(String methodAndPathPrefix, int status) {
        return StreamSupport.stream(fixture.sandboxRequests().spliterator(), false)
                // The chat id travels percent-encoded in the path (19%3A…), as the client is free to send it.
                .filter(r -> (r.get("method").asText() + " "
                        + java.net.URLDecoder.decode(r.get("path").asText(), StandardCharsets.UTF_8)).startsWith(methodAndPathPrefix))
                .filter(r -> r.get("status").asInt() == status).count();
    }

    private long count(String method, String pathPart) {
        return StreamSupport.stream(fixture.sandboxRequests().spliterator(), false)
                .filter(r -> r.get("method").asText().equals(method) && r.get("path").asText().contains(pathPart)).count();
    }

    private Path csv(String name, String content) throws Exception {
        return Files.writeString(work.resolve(name), content, StandardCharsets.UTF_8);
    }
}
