package dev.teamsproactive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.ledger.CampaignIds;
import dev.teamsproactive.pipeline.PipelineFixture;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.testsupport.Reports;
import dev.teamsproactive.testsupport.Workbooks;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code send FILE.xlsx}: a workbook goes through the same routes as its CSV twin and gives the same report. */
class SendWorkbookTest {
    @TempDir
    Path work;

    @Test
    void sendingAWorkbookGivesTheReportOfTheSameRowsAsCsv() throws Exception {
        Path csv = Path.of("examples/mixed.csv");
        Path xlsx = Workbooks.fromCsv(csv, Files.createDirectories(work.resolve("staged")).resolve("mixed.xlsx"));

        Path fromCsv = send(work.resolve("csv"), csv);
        Path fromXlsx = send(work.resolve("xlsx"), xlsx);

        assertThat(Reports.deliveries(fromXlsx)).hasSize(10)
                .containsExactlyInAnyOrderElementsOf(Reports.deliveries(fromCsv));
        assertThat(Reports.counts(fromXlsx)).isEqualTo(Reports.counts(fromCsv));
    }

    @Test
    void aWorkbookThatIsNotOneExitsTwoNamingTheFile() throws Exception {
        Path fake = Files.writeString(work.resolve("people.xlsx"), "upn\nada@contoso.example\n");
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults())) {
            InProcessCommands commands = new InProcessCommands(sandbox, PipelineFixture.configIn(work.resolve("svc")));
            assertThat(commands.exitCode("send", fake.toString())).isEqualTo(SendCommand.REJECTED);
            assertThat(commands.deliveries()).isEmpty();
        }
    }

    /** A fresh sandbox and ledger: the file's send; returns its report folder. */
    private static Path send(Path work, Path file) throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults())) {
            Path config = PipelineFixture.configIn(work);
            JsonNode summary = InProcessCommands.summary(new InProcessCommands(sandbox, config).run("send", file.toString()));
            assertThat(summary.get("total").asInt()).isEqualTo(10);
            return config.getParent().resolve("reports").resolve(CampaignIds.forFile(file));
        }
    }
}
