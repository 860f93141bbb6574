package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.sandbox.SandboxOptions;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The messaging endpoint and the status page each keep to their own port when both are open. */
class BotEndpointPortTest {
    @TempDir
    Path work;

    @Test
    void eachPortServesOnlyItsOwnPaths() throws Exception {
        int statusPort = freePort();
        int botPort = freePort();
        try (PipelineFixture fixture = PipelineFixture.start(work, SandboxOptions.defaults(), Map.of(
                "teams.http.enabled", "true", "teams.http.port", Integer.toString(statusPort),
                "teams.bot-endpoint.enabled", "true", "teams.bot-endpoint.port", Integer.toString(botPort)))) {
            HttpClient http = HttpClient.newHttpClient();

            assertThat(get(http, statusPort, "/status")).isEqualTo(200);
            assertThat(get(http, botPort, "/status")).isEqualTo(404);
            assertThat(post(http, botPort, "/api/messages")).as("no token").isEqualTo(401);
            assertThat(post(http, statusPort, "/api/messages")).isEqualTo(404);
            String user = fixture.sandbox.tenant().directory().userAt(0).id();
            assertThat(fixture.client.post("/_sandbox/users/" + user + "/act", null, "{\"kind\":\"reply\",\"text\":\"hi\"}")
                    .json().get("status").asInt()).isEqualTo(200);

            String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statusPort + "/observe/metrics"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).containsPattern("teams_answers_refused_total(\\{[^}]*\\})? 1\\.0")
                    .containsPattern("teams_answers_total\\{[^}]*kind=\"reply\"[^}]*\\} 1\\.0");
        }
    }

    @Test
    void autoLeavesThePortClosedInAOneOffCommand() throws Exception {
        int botPort = freePort();
        // The fixture runs as `send` does (no inbox): with auto, nothing listens, and the sandbox is told nothing.
        try (PipelineFixture fixture = PipelineFixture.start(work, SandboxOptions.defaults(), Map.of(
                "teams.bot-endpoint.enabled", "auto", "teams.bot-endpoint.port", Integer.toString(botPort)))) {
            assertThat(fixture.sandbox.teams().botEndpoint()).isEmpty();
            try (ServerSocket sameport = new ServerSocket(botPort, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
                assertThat(sameport.getLocalPort()).isEqualTo(botPort);
            }
        }
    }

    @Test
    void autoOpensThePortInTheService() throws Exception {
        int botPort = freePort();
        Path config = PipelineFixture.configIn(work);
        java.nio.file.Files.writeString(config.resolve("application.properties"), "\nteams.http.enabled=false"
                + "\nteams.bot-endpoint.enabled=auto\nteams.bot-endpoint.port=" + botPort + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        try (dev.teamsproactive.sandbox.Sandbox sandbox = dev.teamsproactive.sandbox.Sandbox.start(SandboxOptions.defaults())) {
            // As `run` starts: the inbox is watched.
            try (dev.teamsproactive.app.Application service = dev.teamsproactive.app.Application.start(
                    new dev.teamsproactive.app.Application.Options(config, Path.of("routes"),
                            dev.teamsproactive.app.TargetResolver.Mode.SANDBOX_URL, sandbox.url(), true))) {
                assertThat(post(HttpClient.newHttpClient(), botPort, "/api/messages")).isEqualTo(401);
                assertThat(sandbox.teams().botEndpoint()).contains("http://127.0.0.1:" + botPort + "/api/messages");
            }
        }
    }

    private static int get(HttpClient http, int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int post(HttpClient http, int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"message\"}"))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
