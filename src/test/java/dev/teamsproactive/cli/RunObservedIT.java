package dev.teamsproactive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.pipeline.PipelineFixture;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar's `run` as a new user starts it (built-in sandbox), with examples/recipients.csv dropped into the inbox:
 * progress lines appear on standard error, the status page's data shows the finished campaign, the metrics path
 * answers with Prometheus text, and the page itself is served.
 */
class RunObservedIT {
    @TempDir
    Path work;

    @Test
    void aDroppedFileShowsProgressThenAFinishedCampaignOnTheStatusPortAndInTheMetrics() throws Exception {
        Path config = PipelineFixture.configIn(work);
        StatusPort port = StatusPort.freeIn(config);
        try (JarProcess service = JarProcess.start(work, "run", "--config", config.toString(), "--routes",
                Path.of("routes").toAbsolutePath().toString())) {
            port.awaitBody("/observe/health/ready", "\"UP\"", service);

            Path inbox = Files.createDirectories(work.resolve("inbox"));
            Path staged = work.resolve("recipients.csv");
            Files.copy(Path.of("examples/recipients.csv"), staged);
            Files.move(staged, inbox.resolve("recipients.csv"), StandardCopyOption.ATOMIC_MOVE);
            // The ledger says FINISHED a moment before the report files are written: wait for the link.
            String campaigns = port.awaitBody("/api/campaigns", "/reports/recipients-", service);

            assertThat(campaigns).contains("\"status\":\"FINISHED\"").contains("\"sent\":8");
            assertThat(service.stderrLines()).anyMatch(l -> l.contains("Progress campaign=recipients-"));
            HttpResponse<String> metrics = port.get("/observe/metrics");
            assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            assertThat(metrics.body()).contains("teams_recipients_total{code=\"\",status=\"SENT\"} 8.0")
                    .contains("# TYPE teams_calls_seconds summary");
            HttpResponse<String> page = port.get("/status");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>teams-proactive: campaigns</title>");
            assertThat(service.stop(Duration.ofSeconds(60))).isNotEqualTo(-1);
        }
    }
}
