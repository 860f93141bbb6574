package dev.teamsproactive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.teamsproactive.pipeline.PipelineFixture;
import dev.teamsproactive.tls.SandboxTls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code send FILE --sandbox-url URL} of the real jar against a sandbox running as its own process, from a
 * folder that is not the project's: the summary is the last line of standard output,
 * and a rejected file exits 2 with its reason on standard error.
 */
class SendCommandIT {
    private static final Pattern READY = Pattern.compile("Sandbox ready at (https://127\\.0\\.0\\.1:\\d+)");
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration SEND = Duration.ofSeconds(180);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workDir;
    private JarProcess sandbox;
    private String sandboxUrl;

    @BeforeEach
    void startSandbox() throws Exception {
        PipelineFixture.configIn(workDir);
        sandbox = JarProcess.start(workDir, "sandbox", "--port", "0");
        String line = sandbox.nextLine(START);
        assertThat(line).as("sandbox's first line; standard error: %s", sandbox.stderrLines()).isNotNull();
        Matcher m = READY.matcher(line);
        assertThat(m.find()).as("ready line: %s", line).isTrue();
        sandboxUrl = m.group(1);
    }

    @AfterEach
    void stopSandbox() throws InterruptedException {
        sandbox.stop(Duration.ofSeconds(20));
        sandbox.close();
    }

    @Test
    void sendsTheFileAndPrintsTheSummaryLast() throws Exception {
        Files.copy(Path.of("examples/recipients.csv"), workDir.resolve("welcome.csv"));

        try (JarProcess send = JarProcess.start(workDir, sendArgs("welcome.csv"))) {
            int exit = send.exitCode(SEND);

            assertThat(exit).as("standard error: %s", send.stderrLines()).isZero();
            // The target first, on standard error; then progress and problems only (Camel's start-up with --verbose).
            assertThat(send.stderrLines().get(0)).isEqualTo("Target: sandbox at " + sandboxUrl);
            assertThat(send.stderrLines()).as("standard error").hasSizeLessThan(10)
                    .noneMatch(l -> l.contains(" INFO ") && !l.contains("Progress campaign="));
            List<String> out = send.stdoutLines();
            JsonNode summary = JSON.readTree(out.get(out.size() - 1));
            assertThat(summary.get("sent").asInt()).isEqualTo(8);
            assertThat(summary.get("total").asInt()).isEqualTo(8);
            assertThat(workDir.resolve("reports").resolve(summary.get("campaignId").asText()).resolve("deliveries.csv"))
                    .isRegularFile();
        }
        assertThat(sandboxStats().get("deliveries").asInt()).isEqualTo(8);
    }

    @Test
    void aFileWithoutARecipientColumnExitsTwoNamingTheFile() throws Exception {
        Files.writeString(workDir.resolve("people.csv"), "name,team\nAda,Engineering\n");

        try (JarProcess send = JarProcess.start(workDir, sendArgs("people.csv"))) {
            assertThat(send.exitCode(SEND)).isEqualTo(2);
            assertThat(String.join("\n", send.stderrLines())).contains("people.csv").contains("no recipient column");
        }
        assertThat(sandboxStats().get("deliveries").asInt()).isZero();
    }

    private String[] sendArgs(String file) {
        return new String[] {"send", file, "--sandbox-url", sandboxUrl, "--config", workDir.resolve("config").toString(),
                "--routes", Path.of("routes").toAbsolutePath().toString()};
    }

    private JsonNode sandboxStats() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().sslContext(SandboxTls.clientContext()).build();
        HttpResponse<String> stats = http.send(HttpRequest.newBuilder(URI.create(sandboxUrl + "/_sandbox/stats")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(stats.body());
    }

}
