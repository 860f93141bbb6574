package dev.teamsproactive.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.teamsproactive.app.Application;
import dev.teamsproactive.app.TargetResolver;
import dev.teamsproactive.pipeline.PipelineFixture;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.camel.Exchange;

/**
 * The service with its HTTP port open on 127.0.0.1 (a free port), against an in-process sandbox, on the real
 * routes/ and a copy of config/ in the test's folder; plus a plain HTTP client for that port.
 */
final class ObservedService implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    final Sandbox sandbox;
    final Application app;
    final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    record Answer(int status, String contentType, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    private ObservedService(Sandbox sandbox, Application app, int port) {
        this.sandbox = sandbox;
        this.app = app;
        this.port = port;
    }

    static ObservedService start(Path work, String extraSettings) throws Exception {
        return start(work, extraSettings, SandboxOptions.defaults());
    }

    static ObservedService start(Path work, String extraSettings, SandboxOptions sandboxOptions) throws Exception {
        Sandbox sandbox = Sandbox.start(sandboxOptions.withPort(0));
        try {
            Path config = PipelineFixture.configIn(work);
            int port = freePort();
            Files.writeString(config.resolve("application.properties"), "\nteams.http.enabled=true\nteams.http.port=" + port
                    + "\n" + extraSettings + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            Application app = Application.start(new Application.Options(config, Path.of("routes"),
                    TargetResolver.Mode.SANDBOX_URL, sandbox.url(), false));
            return new ObservedService(sandbox, app, port);
        } catch (Exception | Error e) {
            sandbox.close();
            throw e;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Runs one campaign as `send` does and returns its summary. */
    JsonNode send(Path file) throws Exception {
        Exchange result = app.producer().send("direct:campaign", ex -> {
            ex.setProperty("campaignFile", file.toAbsolutePath().toString());
            ex.setProperty("source", file.getFileName().toString());
            ex.setProperty("template", "");
        });
        if (result.getException() != null) {
            throw result.getException();
        }
        return JSON.readTree(result.getMessage().getBody(String.class));
    }

    Answer get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            sandbox.close();
        }
    }
}
