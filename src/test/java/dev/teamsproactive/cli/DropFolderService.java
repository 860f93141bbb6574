package dev.teamsproactive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.teamsproactive.ledger.DeliveryRow;
import dev.teamsproactive.ledger.Ledger;
import dev.teamsproactive.pipeline.PipelineFixture;
import dev.teamsproactive.tls.SandboxTls;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The drop-folder service as an operator runs it: a sandbox process ({@code sandbox --users N}) and the
 * service's jar ({@code run --sandbox-url}) in a work folder of its own, started, killed and restarted at will;
 * plus what the crash tests read afterwards: the sandbox's deliveries, the report and the ledger.
 */
final class DropFolderService implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("Sandbox ready at (https://127\\.0\\.0\\.1:\\d+)");
    private static final Duration START = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();

    final Path work;
    private final JarProcess sandbox;
    private final String sandboxUrl;
    private final HttpClient http;
    private JarProcess service;

    DropFolderService(Path work, int users, int latencyMillis) throws Exception {
        this.work = work;
        PipelineFixture.configIn(work);
        Files.createDirectories(work.resolve("inbox"));
        sandbox = JarProcess.start(work, "sandbox", "--port", "0", "--users", Integer.toString(users), "--limits", "off",
                "--latency-ms", Integer.toString(latencyMillis));
        String line = sandbox.nextLine(START);
        assertThat(line).as("sandbox's first line; standard error: %s", sandbox.stderrLines()).isNotNull();
        Matcher m = READY.matcher(line);
        assertThat(m.find()).as("ready line: %s", line).isTrue();
        sandboxUrl = m.group(1);
        http = HttpClient.newBuilder().sslContext(SandboxTls.clientContext()).build();
    }

    /** {@code java -jar teams-proactive.jar run --sandbox-url …} in the work folder. */
    void startService() throws IOException {
        service = JarProcess.start(work, "run", "--sandbox-url", sandboxUrl, "--config", work.resolve("config").toString(),
                "--routes", Path.of("routes").toAbsolutePath().toString());
    }

    /** kill -9. */
    void killService() throws InterruptedException {
        service.kill(Duration.ofSeconds(20));
    }

    /** SIGTERM; returns how long the service took to exit. */
    Duration stopService(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        int exit = service.stop(timeout);
        assertThat(exit).as("exit code after SIGTERM; log: %s", service.stderrLines()).isIn(0, 143);
        assertThat(String.join("\n", service.stderrLines())).as("the log").contains("is shutting down (timeout:");
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The service's log (standard error) so far. */
    List<String> serviceLog() {
        return service.stderrLines();
    }

    /** Writes {@code users} recipients (user1@… to userN@…) and moves the file into inbox/ whole. */
    Path dropRecipients(String name, int users) throws IOException {
        StringBuilder csv = new StringBuilder("id,name\n");
        for (int i = 1; i <= users; i++) {
            csv.append("user").append(i).append("@contoso.example,User ").append(i).append('\n');
        }
        Path staged = Files.writeString(work.resolve(name), csv, StandardCharsets.UTF_8);
        return Files.move(staged, work.resolve("inbox").resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** How many messages the sandbox's Bot Connector accepted so far. */
    int deliveryCount() throws IOException, InterruptedException {
        return get("/_sandbox/stats").get("deliveries").asInt();
    }

    /** userId → how many messages the sandbox accepted for that user. */
    Map<String, Integer> deliveriesByUser() throws IOException, InterruptedException {
        Map<String, Integer> byUser = new HashMap<>();
        for (JsonNode d : get("/_sandbox/deliveries")) {
            byUser.merge(d.get("userId").asText(), 1, Integer::sum);
        }
        return byUser;
    }

    Path report(String campaignId) {
        return work.resolve("reports").resolve(campaignId);
    }

    List<CSVRecord> deliveriesCsv(String campaignId) throws IOException {
        try (Reader in = Files.newBufferedReader(report(campaignId).resolve("deliveries.csv"), StandardCharsets.UTF_8)) {
            return new ArrayList<>(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)
                    .getRecords());
        }
    }

    JsonNode summary(String campaignId) throws IOException {
        return JSON.readTree(report(campaignId).resolve("summary.json").toFile());
    }

    /** The ledger's rows of a campaign, read once the service is not running (H2 allows one process). */
    List<DeliveryRow> ledgerRows(String campaignId) {
        List<DeliveryRow> rows = new ArrayList<>();
        try (Ledger ledger = Ledger.open("jdbc:h2:file:" + work.resolve("ledger").resolve("ledger"), "sa", "")) {
            ledger.forEachDelivery(campaignId, rows::add);
        }
        return rows;
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(sandboxUrl + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    @Override
    public void close() throws Exception {
        try {
            if (service != null) {
                service.close();
            }
        } finally {
            sandbox.stop(Duration.ofSeconds(20));
            sandbox.close();
        }
    }
}
