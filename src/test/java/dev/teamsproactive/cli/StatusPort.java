package dev.teamsproactive.cli;

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
import java.time.Duration;

/** The HTTP port of a `run` under test: a free port written into its config, and polling its answers. */
final class StatusPort {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final String base;

    private StatusPort(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A free port, set as teams.http.port in the config folder's application.properties. */
    static StatusPort freeIn(Path config) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.writeString(config.resolve("application.properties"), "\nteams.http.port=" + port + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return new StatusPort(port);
    }

    /** Polls the path until its answer holds {@code expected}; fails with the service's last log lines otherwise. */
    String awaitBody(String path, String expected, JarProcess service) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = get(path).body();
                if (last.contains(expected)) {
                    return last;
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(200);
        }
        throw new AssertionError(base + path + " never answered with " + expected + "; last: " + last + "\n"
                + String.join("\n", service.stderrLines()));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
