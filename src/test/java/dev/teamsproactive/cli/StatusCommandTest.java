package dev.teamsproactive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.ledger.DeliveryStatus;
import dev.teamsproactive.ledger.Ledger;
import dev.teamsproactive.ledger.Outcome;
import dev.teamsproactive.pipeline.PipelineFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code status} with no service running reads the ledger itself and prints a line per campaign. */
class StatusCommandTest {
    @TempDir
    Path work;

    @Test
    void withoutARunningServiceTheLedgerIsReadAndEachCampaignListedWithItsCounts() throws Exception {
        Path config = PipelineFixture.configIn(work);
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Files.writeString(config.resolve("application.properties"), "\nteams.http.port=" + closedPort + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (Ledger ledger = Ledger.open("jdbc:h2:file:" + work.resolve("ledger").resolve("ledger"), "sa", "")) {
            ledger.registerCampaign("team-a1b2c3", "inbox/team.csv", "default", 3);
            ledger.recordOutcomes(List.of(
                    new Outcome("team-a1b2c3", 2, "ada@contoso.example", "u1", DeliveryStatus.SENT, null, null, "c", "a", 1),
                    new Outcome("team-a1b2c3", 3, "bob@contoso.example", "u2", DeliveryStatus.FAILED,
                            "ConversationBlockedByUser", "403", null, null, 1),
                    new Outcome("team-a1b2c3", 4, "x", null, DeliveryStatus.FAILED, "InvalidRecipient", "bad", null, null, 0)));
            ledger.finishCampaign("team-a1b2c3");
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new Main()).execute("status", "--config", config.toString());
        } finally {
            System.setOut(stdout);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isZero();
        assertThat(printed.lines()).first().asString().startsWith("CAMPAIGN");
        assertThat(printed).containsPattern("team-a1b2c3 +FINISHED +3/3 +1 +2 +0 +0 ")
                .contains("failed by code: ConversationBlockedByUser 1, InvalidRecipient 1");
    }

    @Test
    void aLedgerPasswordWrittenInApplicationPropertiesIsRefusedByStatusAsByRun() throws Exception {
        Path config = PipelineFixture.configIn(work);
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Files.writeString(config.resolve("application.properties"), "\nteams.http.port=" + closedPort
                + "\nteams.ledger.password=committed-by-mistake\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        String expected = "The secret teams.ledger.password must not be written in application.properties: set"
                + " TEAMS_LEDGER_PASSWORD in the environment, or teams.ledger.password-file to a file outside the repository";

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new Main()).execute("status", "--config", config.toString());
        } finally {
            System.setErr(stderr);
        }
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(expected).doesNotContain("committed-by-mistake");

        Throwable run = org.assertj.core.api.Assertions.catchThrowable(() -> dev.teamsproactive.app.Application.start(
                new dev.teamsproactive.app.Application.Options(config, Path.of("routes"),
                        dev.teamsproactive.app.TargetResolver.Mode.SANDBOX, null, false)).close());
        assertThat(run).isInstanceOf(IllegalArgumentException.class).hasMessage(expected);
    }
}
