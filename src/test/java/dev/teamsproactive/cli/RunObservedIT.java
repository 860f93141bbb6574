package dev.teamsproactive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.pipeline.PipelineFixture;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar's `run` as a new user starts it (built-in sandbox), with examples/recipients.csv dropped into the inbox:
 * progress lines appear on standard error, the status page's data shows the finished campaign, the metrics path
 * answers with Prometheus text, and the page itself is served.
 */
class RunObservedIT {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path work;

    @Test
    void aDroppedFileShowsProgressThenAFinishedCampaignOnTheStatusPortAndInTheMetrics() throws Exception {
        Path config = PipelineFixture.configIn(work);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.writeString(config.resolve("application.properties"), "\nteams.http.port=" + port + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        String base = "http://127.0.0.1:" + port;
        try (JarProcess service = JarProcess.start(work, "run", "--config", config.toString(), "--routes",
                Path.of("routes").toAbsolutePath().toString())) {
            awaitBody(base + "/observe/health/ready", "\"UP\"", service);

            Path inbox = Files.createDirectories(work.resolve("inbox"));
            Path staged = work.resolve("recipients.csv");
            Files.copy(Path.of("examples/recipients.csv"), staged);
            Files.move(staged, inbox.resolve("recipients.csv"), StandardCopyOption.ATOMIC_MOVE);
            // The ledger says FINISHED a moment before the report files are written: wait for the link.
            String campaigns = awaitBody(base + "/api/campaigns", "/reports/recipients-", service);

            assertThat(campaigns).contains("\"status\":\"FINISHED\"").contains("\"sent\":8");
            assertThat(service.stderrLines()).anyMatch(l -> l.contains("Progress campaign=recipients-"));
            HttpResponse<String> metrics = get(base + "/observe/metrics");
            assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            assertThat(metrics.body()).contains("teams_recipients_total{code=\"\",status=\"SENT\"} 8.0")
                    .contains("# TYPE teams_calls_seconds summary");
            HttpResponse<String> page = get(base + "/status");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>teams-proactive: campaigns</title>");
            assertThat(service.stop(Duration.ofSeconds(60))).isNotEqualTo(-1);
        }
    }

    /** Polls until the answer holds {@code expected}; fails with the service's last log lines otherwise. */
    private String awaitBody(String url, String expected, JarProcess service) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = get(url).body();
                if (last.contains(expected)) {
                    return last;
                }
            } catch (java.io.IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(200);
        }
        throw new AssertionError(url + " never answered with " + expected + "; last: " + last + "\n"
                + String.join("\n", service.stderrLines()));
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
