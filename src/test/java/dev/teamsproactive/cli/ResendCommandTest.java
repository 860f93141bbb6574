package dev.teamsproactive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.teamsproactive.ledger.CampaignIds;
import dev.teamsproactive.ledger.Ledger;
import dev.teamsproactive.pipeline.PipelineFixture;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/guarantees.md: {@code resend CAMPAIGN_ID} sends only the chosen FAILED / IN_DOUBT rows once more, through
 * the same routes, as a new attempt in the same report; IN_DOUBT rows only when asked.
 */
class ResendCommandTest {
    private static final String IRENE = "f61dbf76-3f27-566c-88b0-d02802a209bf";

    @TempDir
    Path work;
    private Sandbox sandbox;
    private Path config;
    private InProcessCommands commands;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults());
        config = PipelineFixture.configIn(work);
        commands = new InProcessCommands(sandbox, config);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void resendsOnlyTheChosenRowsAsANewAttemptInTheSameReport() throws Exception {
        Path file = Files.writeString(work.resolve("resend.csv"), """
                id,name
                ada@contoso.example,Ada
                bob.blocker@contoso.example,Bob
                pat.policy@contoso.example,Pat
                grace@contoso.example,Grace
                irene@contoso.example,Irene
                """);
        String campaignId = CampaignIds.forFile(file);
        // A run that died while posting Irene's message (line 6): her row is left SENDING, its lease lapsed.
        try (Ledger ledger = Ledger.open(ledgerUrl(), "sa", "")) {
            ledger.registerCampaign(campaignId, "resend.csv", "default", 5);
            ledger.takeLease(campaignId, "elsewhere/1/1/dead", Instant.now().minusSeconds(1), owner -> false);
            ledger.claimRow(campaignId, 6, "irene@contoso.example");
            assertThat(ledger.markSending(campaignId, 6, "elsewhere/1/1/dead", 1)).isTrue();
        }

        JsonNode first = InProcessCommands.summary(commands.run("send", file.toString()));
        assertThat(first.get("sent").asInt()).isEqualTo(2);
        assertThat(first.get("failed").asInt()).isEqualTo(2);
        assertThat(first.get("inDoubt").asInt()).as("Irene, not sent again by default").isEqualTo(1);
        assertThat(commands.deliveredTo(IRENE)).isZero();
        int deliveries = commands.deliveries().size();

        List<String> blocked = commands.run("resend", campaignId, "--code", "ConversationBlockedByUser", "--file", file.toString());
        assertThat(blocked).contains("Sent again: 1 recipients");
        Map<String, CSVRecord> rows = commands.rows(campaignId);
        assertThat(rows.get("bob.blocker@contoso.example").get("attempts")).isEqualTo("2");
        assertThat(rows.get("bob.blocker@contoso.example").get("status")).isEqualTo("FAILED");
        assertThat(rows.get("pat.policy@contoso.example").get("attempts")).as("another code").isEqualTo("0");
        assertThat(rows.get("irene@contoso.example").get("status")).isEqualTo("IN_DOUBT");
        assertThat(commands.deliveries().size()).isEqualTo(deliveries);

        JsonNode last = InProcessCommands.summary(commands.run("resend", campaignId, "--status", "IN_DOUBT", "--file", file.toString()));
        assertThat(last.get("sent").asInt()).isEqualTo(3);
        assertThat(last.get("inDoubt").asInt()).isZero();
        assertThat(last.get("failed").asInt()).isEqualTo(2);
        rows = commands.rows(campaignId);
        assertThat(rows.get("irene@contoso.example").get("status")).isEqualTo("SENT");
        assertThat(rows.get("irene@contoso.example").get("attempts")).isEqualTo("2");
        assertThat(rows.get("ada@contoso.example").get("attempts")).as("a SENT row is never sent again").isEqualTo("1");
        assertThat(commands.deliveredTo(IRENE)).isEqualTo(1);
        assertThat(commands.deliveries().size()).isEqualTo(deliveries + 1);
    }

    @Test
    void anUnknownCampaignOrAnotherFileExitsTwoSayingSo() throws Exception {
        Path file = Files.writeString(work.resolve("one.csv"), "id,name\nada@contoso.example,Ada\n");
        Path other = Files.writeString(work.resolve("other.csv"), "id,name\ngrace@contoso.example,Grace\n");
        String campaignId = CampaignIds.forFile(file);
        commands.run("send", file.toString());

        assertThat(commands.exitCode("resend", "no-such-campaign-0123456789ab")).isEqualTo(2);
        assertThat(commands.exitCode("resend", campaignId, "--file", other.toString())).isEqualTo(2);
        assertThat(commands.exitCode("resend", campaignId, "--status", "SENT", "--file", file.toString())).isEqualTo(2);
        assertThat(commands.exitCode("resend", campaignId, "--file", file.toString())).isZero();
    }

    private String ledgerUrl() {
        return "jdbc:h2:file:" + work.resolve("ledger").resolve("ledger");
    }
}
