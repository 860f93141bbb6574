package dev.teamsproactive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.teamsproactive.app.Application;
import dev.teamsproactive.app.TargetResolver;
import dev.teamsproactive.pipeline.PipelineFixture;
import dev.teamsproactive.props.Props;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.tls.SandboxTls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recall CAMPAIGN_ID} of the real jar, after a campaign sent to the same sandbox and ledger: every message is
 * deleted, and the summary is the last line of standard output (an unknown campaign: UpdateAndRecallTest).
 */
class RecallCommandIT {
    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workDir;

    @Test
    void recallDeletesWhatSendDelivered() throws Exception {
        PipelineFixture.configIn(workDir);
        Files.writeString(workDir.resolve("welcome.csv"), "id,name\nada@contoso.example,Ada\ngrace@contoso.example,Grace\n");
        // The sandbox runs in this JVM; only the command under test is a jar of its own.
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withPort(0))) {
            String url = sandbox.url();

            // The campaign goes out in this JVM (quicker than a second jar); closing it frees the ledger for the jar.
            String campaignId;
            try (Application app = Application.start(new Application.Options(workDir.resolve("config"),
                    Path.of("routes"), TargetResolver.Mode.SANDBOX_URL, url, false))) {
                Exchange sent = app.producer().send("direct:campaign", ex -> {
                    ex.setProperty(Props.CAMPAIGN_FILE, workDir.resolve("welcome.csv").toString());
                    ex.setProperty(Props.SOURCE, "welcome.csv");
                    ex.setProperty(Props.TEMPLATE, "");
                });
                assertThat(sent.getException()).isNull();
                campaignId = JSON.readTree(sent.getMessage().getBody(String.class)).get("campaignId").asText();
            }
            assertThat(deliveries(url)).hasSize(2);

            try (JarProcess recall = JarProcess.start(workDir, args(url, "recall", campaignId))) {
                assertThat(recall.exitCode(WAIT)).as("standard error: %s", recall.stderrLines()).isZero();
                JsonNode summary = lastLine(recall);
                assertThat(summary.get("action").asText()).isEqualTo("recall");
                assertThat(summary.get("recalled").asInt()).isEqualTo(2);
            }
            assertThat(deliveries(url)).isEmpty();
            assertThat(workDir.resolve("reports").resolve(campaignId).resolve("recall.csv")).isRegularFile();
        }
    }

    private String[] args(String url, String... command) {
        List<String> all = new java.util.ArrayList<>(List.of(command));
        all.addAll(List.of("--sandbox-url", url, "--config", workDir.resolve("config").toString(), "--routes",
                Path.of("routes").toAbsolutePath().toString()));
        return all.toArray(String[]::new);
    }

    private static JsonNode lastLine(JarProcess process) throws Exception {
        List<String> out = process.stdoutLines();
        return JSON.readTree(out.get(out.size() - 1));
    }

    private static JsonNode deliveries(String url) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(SandboxTls.clientContext()).build();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url + "/_sandbox/deliveries")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(answer.body());
    }
}
