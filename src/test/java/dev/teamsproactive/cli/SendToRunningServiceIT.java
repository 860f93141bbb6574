package dev.teamsproactive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.teamsproactive.pipeline.PipelineFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} as a new user starts it prints one ready line (inbox, the status URL as bound, the target); a
 * {@code send} in the same folder while it runs hands its file to the service instead of failing on the locked H2
 * ledger, and shows what a send shows: the target first, the summary JSON last, exit 0, or exit 2 with the reason
 * for a rejected file.
 */
class SendToRunningServiceIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void sendHandsItsFileToTheRunningServiceAndPrintsTheSummary() throws Exception {
        Path config = PipelineFixture.configIn(work);
        StatusPort port = StatusPort.freeIn(config);
        String routes = Path.of("routes").toAbsolutePath().toString();
        try (JarProcess service = JarProcess.start(work, "run", "--config", config.toString(), "--routes", routes)) {
            String ready = service.nextLine(Duration.ofSeconds(120));
            assertThat(ready).as("ready line; standard error: %s", service.stderrLines())
                    .startsWith("Ready: inbox " + work.resolve("inbox").toAbsolutePath() + ", status " + port.base
                            + "/status, target built-in sandbox (https://127.0.0.1:");
            assertThat(service.stderrLines().get(0)).startsWith("Target: built-in sandbox (https://127.0.0.1:");
            assertThat(service.stderrLines()).as("no address the port is not bound to").noneMatch(l -> l.contains("0.0.0.0"));
            String serviceTarget = ready.substring(ready.indexOf("target ") + "target ".length());

            Files.copy(Path.of("examples/recipients.csv"), work.resolve("welcome.csv"));
            try (JarProcess send = JarProcess.start(work, "send", "welcome.csv", "--config", config.toString(),
                    "--routes", routes)) {
                int exit = send.exitCode(Duration.ofSeconds(180));
                List<String> err = send.stderrLines();
                assertThat(exit).as("standard error: %s", err).isZero();
                assertThat(err.get(0)).startsWith("Target: " + serviceTarget);
                assertThat(String.join("\n", err)).doesNotContain("already in use");
                List<String> out = send.stdoutLines();
                JsonNode summary = JSON.readTree(out.get(out.size() - 1));
                assertThat(summary.get("sent").asInt()).isEqualTo(8);
                assertThat(summary.get("total").asInt()).isEqualTo(8);
            }

            Files.writeString(work.resolve("people.csv"), "name,team\nAda,Engineering\n");
            try (JarProcess send = JarProcess.start(work, "send", "people.csv", "--config", config.toString(),
                    "--routes", routes)) {
                assertThat(send.exitCode(Duration.ofSeconds(120))).as("standard error: %s", send.stderrLines()).isEqualTo(2);
                assertThat(String.join("\n", send.stderrLines())).contains("people.csv").contains("no recipient column");
            }
            service.stop(Duration.ofSeconds(60));
        }
    }
}
