package dev.teamsproactive.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.teamsproactive.tls.SandboxTls;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar teams-proactive.jar sandbox --port 0 …} as its own process, as the benchmarks need it: started,
 * its URL read from the "Sandbox ready at" line, its inspection API asked, and stopped.
 */
final class SandboxProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String READY = "Sandbox ready at ";

    private final Process process;
    private final String url;
    private final HttpClient http;

    private SandboxProcess(Process process, String url) {
        this.process = process;
        this.url = url;
        this.http = HttpClient.newBuilder().sslContext(SandboxTls.clientContext()).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Starts it with these flags after {@code sandbox --port 0}; its log goes to {@code log}. */
    static SandboxProcess start(Path jar, Path log, List<String> flags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toString(), "sandbox", "--port", "0"));
        command.addAll(flags);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> copyUntilEnd(process, log, ready), "sandbox-output");
        pump.setDaemon(true);
        pump.start();
        try {
            String url = ready.get(120, TimeUnit.SECONDS);
            if (url == null) {
                throw new IOException("the sandbox ended before it was ready; see " + log);
            }
            return new SandboxProcess(process, url);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("the sandbox did not say it was ready; see " + log, e);
        }
    }

    /** Copies the process's output to the log, and hands over the URL of the ready line (null if it never came). */
    private static void copyUntilEnd(Process process, Path log, CompletableFuture<String> ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                var out = java.nio.file.Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!ready.isDone() && line.startsWith(READY)) {
                    ready.complete(line.substring(READY.length()).trim());
                }
                out.write(line);
                out.newLine();
                out.flush();
            }
        } catch (IOException ignored) {
            // The process went away: nothing more to copy.
        } finally {
            ready.complete(null);
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    String url() {
        return url;
    }

    /** The CPU time the process has used so far (zero where the system does not tell). */
    Duration cpu() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** {@code GET /_sandbox/stats}. */
    Stats stats() throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url + "/_sandbox/stats")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("GET /_sandbox/stats answered " + answer.statusCode());
        }
        JsonNode stats = JSON.readTree(answer.body());
        long requests = 0;
        for (JsonNode byStatus : stats.path("requests")) {
            for (JsonNode count : byStatus) {
                requests += count.asLong();
            }
        }
        return new Stats(requests, stats.path("throttled").asLong(), stats.path("deliveries").asLong());
    }

    /** {@code POST path} with a JSON body, answered 200 within {@code timeout}: the answer. */
    JsonNode post(String path, String body, Duration timeout) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(timeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("POST " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    /** Requests the sandbox answered (all endpoints, inspection aside), its 429s and accepted activities. */
    record Stats(long requests, long throttled, long deliveries) {
        Stats minus(Stats before) {
            return new Stats(requests - before.requests, throttled - before.throttled, deliveries - before.deliveries);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
