package dev.teamsproactive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.ledger.CampaignIds;
import dev.teamsproactive.pipeline.PipelineFixture;
import dev.teamsproactive.pipeline.TenantSeeds;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/guarantees.md: a Bot Connector POST whose answer never comes (here Ada's first: the sandbox delivers it, then
 * drops the connection) may have arrived, so the recipient is IN_DOUBT (code NoAnswer) and not posted again; the
 * others are not held up. {@code resend --status IN_DOUBT} posts it once more when asked;
 * {@code teams.bot-send.retry-unanswered=true} retries it straight away (at least once: she gets it twice).
 */
class UnansweredSendTest {
    private static final String CSV = "upn,name\nada@contoso.example,Ada\ngrace@contoso.example,Grace\n";

    @TempDir
    Path work;
    private Sandbox sandbox;
    private Path config;
    private InProcessCommands commands;

    @BeforeEach
    void start() throws Exception {
        Path seed = TenantSeeds.changed(work, tenant -> StreamSupport.stream(tenant.get("users").spliterator(), false)
                .filter(u -> u.get("id").asText().equals(TenantSeeds.ADA))
                .forEach(u -> ((ObjectNode) u).put("behavior", "losesFirstAnswer")));
        sandbox = Sandbox.start(SandboxOptions.defaults().withSeed(seed));
        config = PipelineFixture.configIn(work);
        commands = new InProcessCommands(sandbox, config);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aSendWithNoAnswerIsInDoubtNotRepeatedAndResentOnlyWhenAsked() throws Exception {
        Path file = Files.writeString(work.resolve("lost.csv"), CSV, StandardCharsets.UTF_8);
        String campaignId = CampaignIds.forFile(file);

        JsonNode first = InProcessCommands.summary(commands.run("send", file.toString()));

        assertThat(first.get("sent").asInt()).as("summary %s", first).isEqualTo(1);
        assertThat(first.get("inDoubt").asInt()).isEqualTo(1);
        assertThat(first.get("failed").asInt()).isZero();
        CSVRecord ada = commands.rows(campaignId).get("ada@contoso.example");
        assertThat(ada.get("status")).isEqualTo("IN_DOUBT");
        assertThat(ada.get("code")).isEqualTo("NoAnswer");
        assertThat(ada.get("detail")).contains("may have arrived");
        assertThat(commands.deliveredTo(TenantSeeds.ADA)).as("delivered once, the answer lost, not posted again").isEqualTo(1);
        assertThat(commands.deliveredTo(TenantSeeds.GRACE)).isEqualTo(1);
        assertThat(sendsAnswered(0)).as("the one POST left without an answer").isEqualTo(1);

        JsonNode again = InProcessCommands.summary(commands.run("send", file.toString()));
        assertThat(again.get("inDoubt").asInt()).as("the same file again does not resend her").isEqualTo(1);
        assertThat(commands.deliveredTo(TenantSeeds.ADA)).isEqualTo(1);

        JsonNode resent = InProcessCommands.summary(commands.run("resend", campaignId, "--status", "IN_DOUBT", "--file", file.toString()));
        assertThat(resent.get("sent").asInt()).isEqualTo(2);
        assertThat(resent.get("inDoubt").asInt()).isZero();
        assertThat(commands.rows(campaignId).get("ada@contoso.example").get("attempts")).isEqualTo("2");
        assertThat(commands.deliveredTo(TenantSeeds.ADA)).as("asked for: posted once more").isEqualTo(2);
        assertThat(commands.deliveredTo(TenantSeeds.GRACE)).isEqualTo(1);
    }

    @Test
    void retryUnansweredChoosesAtLeastOnce() throws Exception {
        Files.writeString(config.resolve("application.properties"), "\nteams.bot-send.retry-unanswered=true\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Path file = Files.writeString(work.resolve("retried.csv"), CSV, StandardCharsets.UTF_8);

        JsonNode summary = InProcessCommands.summary(commands.run("send", file.toString()));

        assertThat(summary.get("sent").asInt()).as("summary %s", summary).isEqualTo(2);
        assertThat(summary.get("inDoubt").asInt()).isZero();
        assertThat(commands.deliveredTo(TenantSeeds.ADA)).as("the lost answer's message, then the retry's").isEqualTo(2);
    }

    private long sendsAnswered(int status) {
        JsonNode requests = new SandboxTestClient(sandbox).get("/_sandbox/requests", null).json();
        return StreamSupport.stream(requests.spliterator(), false)
                .filter(r -> r.get("method").asText().equals("POST") && r.get("path").asText().startsWith("/v3/conversations/"))
                .filter(r -> r.get("status").asInt() == status).count();
    }
}
