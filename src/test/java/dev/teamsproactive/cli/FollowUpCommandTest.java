package dev.teamsproactive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.pipeline.PipelineFixture;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/operations.md, "Update, recall and resend": {@code update} and {@code recall} on the command line work on every message; one the
 * Bot Connector refuses (403) is a FAILED row of the report, and the command still exits 0 with its summary.
 */
class FollowUpCommandTest {
    private static final String UMA = "uma.uninstall@contoso.example";

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
    void aRefusedMessageIsAFailedRowAndTheCommandExitsZero() throws Exception {
        // Uma's app is removed after her first message: changing or deleting it answers 403.
        Path file = Files.writeString(work.resolve("four.csv"), "id,name\nada@contoso.example,Ada\n"
                + "grace@contoso.example,Grace\nalan@contoso.example,Alan\n" + UMA + ",Uma\n");
        String campaignId = InProcessCommands.summary(commands.run("send", file.toString())).get("campaignId").asText();
        Files.writeString(config.resolve("messages/correction.md"), "Correction for ${recipient}.", StandardCharsets.UTF_8);

        JsonNode updated = InProcessCommands.summary(commands.run("update", campaignId, "--template", "correction"));

        assertThat(updated.get("updated").asInt()).isEqualTo(3);
        assertThat(updated.get("failed").asInt()).isEqualTo(1);
        assertThat(rows(campaignId, "update.csv")).extracting(r -> r.get("recipient") + " " + r.get("status"))
                .containsExactlyInAnyOrder("ada@contoso.example DONE", "grace@contoso.example DONE",
                        "alan@contoso.example DONE", UMA + " FAILED");

        JsonNode recalled = InProcessCommands.summary(commands.run("recall", campaignId));

        assertThat(recalled.get("recalled").asInt()).isEqualTo(3);
        assertThat(recalled.get("failed").asInt()).isEqualTo(1);
        assertThat(rows(campaignId, "recall.csv")).extracting(r -> r.get("code")).contains("BotNotInConversationRoster");
        assertThat(commands.deliveries()).hasSize(1);
    }

    @Test
    void remindSendsOnceMoreToWhoDidNotAnswerAsACampaignOfItsOwnAndExitsLikeSend() throws Exception {
        Path file = Files.writeString(work.resolve("two.csv"), "id,name\nada@contoso.example,Ada\ngrace@contoso.example,Grace\n");
        String campaignId = InProcessCommands.summary(commands.run("send", file.toString())).get("campaignId").asText();

        JsonNode reminded = InProcessCommands.summary(commands.run("remind", campaignId, "--file", file.toString()));
        JsonNode again = InProcessCommands.summary(commands.run("remind", campaignId, "--file", file.toString()));

        assertThat(reminded.get("campaignId").asText()).isEqualTo(campaignId + ".reminder-1");
        assertThat(reminded.get("sent").asInt()).isEqualTo(2);
        assertThat(again.get("campaignId").asText()).isEqualTo(campaignId + ".reminder-1");
        assertThat(commands.deliveries()).as("two messages, two reminders, nothing twice").hasSize(4);
        assertThat(commands.exitCode("remind", "no-such-campaign-000000000000")).isEqualTo(2);
        assertThat(commands.exitCode("remind", campaignId + ".reminder-1")).as("a reminder of a reminder").isEqualTo(2);
    }

    private List<CSVRecord> rows(String campaignId, String name) throws Exception {
        Path csv = work.resolve("reports").resolve(campaignId).resolve(name);
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
