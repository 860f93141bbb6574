package dev.teamsproactive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.teamsproactive.pipeline.PipelineFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's walkthrough as a new user runs it, twice with a restart between: `run` (built-in sandbox), drop
 * examples/recipients.csv, stop; `run` again, whose built-in sandbox listens on another port, and drop a file that
 * names the same people. The chats cached by the first run point at the first sandbox: everyone is SENT both times.
 */
class WalkthroughTwiceIT {
    @TempDir
    Path work;

    @Test
    void everyoneIsSentAgainAfterARestartThatMovedTheBuiltInSandbox() throws Exception {
        Path config = PipelineFixture.configIn(work);
        StatusPort port = StatusPort.freeIn(config);
        Path inbox = Files.createDirectories(work.resolve("inbox"));

        runAndDrop(config, port, inbox, Files.readString(Path.of("examples/recipients.csv")), "recipients.csv");
        // The same eight people, in a file of its own (so a campaign of its own), as a user's next file would be.
        String again = Files.readAllLines(Path.of("examples/recipients.csv")).stream()
                .map(line -> line + (line.startsWith("id,") ? ",team" : ",platform"))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        String campaigns = runAndDrop(config, port, inbox, again, "welcome-back.csv");

        assertThat(campaigns).contains("/reports/recipients-").contains("/reports/welcome-back-");
        for (String campaign : new String[] {"recipients-", "welcome-back-"}) {
            Path report;
            try (var reports = Files.list(work.resolve("reports"))) {
                report = reports.filter(p -> p.getFileName().toString().startsWith(campaign)).findFirst().orElseThrow();
            }
            JsonNode summary = new ObjectMapper().readTree(report.resolve("summary.json").toFile());
            assertThat(summary.get("total").asInt()).as(campaign).isEqualTo(8);
            assertThat(summary.get("sent").asInt()).as("%s: %s", campaign, summary).isEqualTo(8);
        }
    }

    /** Starts `run`, drops the file, waits for its report, stops with SIGTERM; answers /api/campaigns at the end. */
    private String runAndDrop(Path config, StatusPort port, Path inbox, String content, String name) throws Exception {
        try (JarProcess service = JarProcess.start(work, "run", "--config", config.toString(), "--routes",
                Path.of("routes").toAbsolutePath().toString())) {
            port.awaitBody("/observe/health/ready", "\"UP\"", service);
            Path staged = Files.writeString(work.resolve(name), content, StandardCharsets.UTF_8);
            Files.move(staged, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            String prefix = name.substring(0, name.lastIndexOf('.')) + "-";
            String campaigns = port.awaitBody("/api/campaigns", "/reports/" + prefix, service);
            assertThat(service.stop(Duration.ofSeconds(60))).isNotEqualTo(-1);
            return campaigns;
        }
    }
}
