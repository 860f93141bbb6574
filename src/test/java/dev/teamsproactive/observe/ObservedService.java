package dev.teamsproactive.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.teamsproactive.app.Application;
import dev.teamsproactive.app.TargetResolver;
import dev.teamsproactive.pipeline.PipelineFixture;
import dev.teamsproactive.props.Props;
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
            ex.setProperty(Props.CAMPAIGN_FILE, file.toAbsolutePath().toString());
            ex.setProperty(Props.SOURCE, file.getFileName().toString());
            ex.setProperty(Props.TEMPLATE, "");
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

    /**
     * A GET with this Host header (and Authorization, unless null), written on a plain socket: the JDK's client
     * does not let a caller choose the Host header, as a browser fooled by DNS rebinding would send it.
     */
    Answer getAs(String path, String host, String authorization) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            int bodyAt = answer.indexOf("\r\n\r\n");
            String head = answer.substring(0, Math.max(bodyAt, 0));
            String contentType = head.lines().filter(l -> l.regionMatches(true, 0, "Content-Type:", 0, 13))
                    .map(l -> l.substring(13).strip()).findFirst().orElse("");
            return new Answer(status, contentType, bodyAt < 0 ? "" : answer.substring(bodyAt + 4));
        }
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
