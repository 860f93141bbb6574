package dev.teamsproactive.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.app.Application;
import dev.teamsproactive.app.TargetResolver;
import dev.teamsproactive.props.Props;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A sandbox started with the test's own options, and the application on the real routes/ and a copy of
 * config/ whose inbox, reports and ledger live in the test's temporary folder (nothing in the working dir).
 */
public final class PipelineFixture implements AutoCloseable {
    final Sandbox sandbox;
    Application app;
    final SandboxTestClient client;
    final Path reports;

    private PipelineFixture(Sandbox sandbox, Application app, Path reports) {
        this.sandbox = sandbox;
        this.app = app;
        this.reports = reports;
        this.client = new SandboxTestClient(sandbox);
    }

    static PipelineFixture start(Path work, SandboxOptions options) throws Exception {
        return start(work, options, "");
    }

    /** As {@link #start(Path, SandboxOptions)}, with settings added to the config copy (e.g. short backoffs). */
    static PipelineFixture start(Path work, SandboxOptions options, java.util.Map<String, String> settings) throws Exception {
        StringBuilder lines = new StringBuilder();
        settings.forEach((k, v) -> lines.append(k).append('=').append(v).append('\n'));
        return start(work, options, lines.toString());
    }

    /** @param settings more lines for application.properties (e.g. "teams.schedules.enabled=true\n") */
    /** The object id of the sandbox's n-th user (user{n}@contoso.example). */
    static String userId(int n) {
        return String.format("00000000-0000-4000-8000-%012x", n);
    }

    /** As {@link #start(Path, SandboxOptions, String)}, with the bot's messaging endpoint open on a free port. */
    static PipelineFixture withBotEndpoint(Path work, SandboxOptions options, String settings) throws Exception {
        int endpointPort;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            endpointPort = free.getLocalPort();
        }
        return start(work, options, settings + "\nteams.bot-endpoint.enabled=true\nteams.bot-endpoint.port=" + endpointPort);
    }

    static PipelineFixture start(Path work, SandboxOptions options, String settings) throws Exception {
        Sandbox sandbox = Sandbox.start(options);
        try {
            Path config = configIn(work);
            Files.writeString(config.resolve("application.properties"), "\n" + settings + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
            Application app = startApp(config, sandbox);
            return new PipelineFixture(sandbox, app, work.resolve("reports"));
        } catch (Exception | Error e) {
            sandbox.close();
            throw e;
        }
    }

    private static Application startApp(Path config, Sandbox sandbox) throws Exception {
        return Application.start(new Application.Options(config, Path.of("routes"), TargetResolver.Mode.SANDBOX_URL,
                sandbox.url(), false));
    }

    /** Stops the application and starts it again on the same config, ledger and sandbox (a service restart). */
    void restartApp() throws Exception {
        app.close();
        app = startApp(reports.getParent().resolve("config"), sandbox);
    }

    /** A copy of the repository's config/ pointing inbox, reports and ledger into {@code work}. */
    public static Path configIn(Path work) throws IOException {
        Path config = work.resolve("config");
        copyTree(Path.of("config"), config);
        Files.writeString(config.resolve("application.properties"), "\nteams.inbox=" + work.resolve("inbox")
                + "\nteams.reports=" + work.resolve("reports")
                + "\nteams.ledger.url=jdbc:h2:file:" + work.resolve("ledger").resolve("ledger")
                // Scheduled campaigns come from the test's own folder, never from the repository's examples.
                + "\nteams.campaigns=" + work.resolve("campaigns") + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return config;
    }

    /** Runs one campaign through direct:campaign as {@code send} does; the exchange carries the summary or the failure. */
    Exchange send(Path file, String template) {
        return app.producer().send("direct:campaign", ex -> {
            ex.setProperty(Props.CAMPAIGN_FILE, file.toAbsolutePath().toString());
            ex.setProperty(Props.SOURCE, file.getFileName().toString());
            ex.setProperty(Props.TEMPLATE, template);
        });
    }

    /** Runs one campaign that must run to the end; returns its summary. */
    JsonNode sendOk(Path file) throws IOException {
        Exchange result = send(file, "");
        if (result.getException() != null) {
            throw new AssertionError("the campaign failed", result.getException());
        }
        return SandboxTestClient.JSON.readTree(result.getMessage().getBody(String.class));
    }

    /** reports/&lt;campaignId&gt;/deliveries.csv, one record per recipient row. */
    List<CSVRecord> deliveriesCsv(String campaignId) throws IOException {
        try (Reader in = Files.newBufferedReader(reports.resolve(campaignId).resolve("deliveries.csv"), StandardCharsets.UTF_8)) {
            return new ArrayList<>(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(in).getRecords());
        }
    }

    JsonNode summaryJson(String campaignId) throws IOException {
        return SandboxTestClient.JSON.readTree(reports.resolve(campaignId).resolve("summary.json").toFile());
    }

    /** What the sandbox's inspection API says the Bot Connector accepted. */
    JsonNode sandboxDeliveries() {
        return client.get("/_sandbox/deliveries", null).json();
    }

    JsonNode sandboxRequests() {
        return client.get("/_sandbox/requests", null).json();
    }

    JsonNode sandboxStats() {
        return client.get("/_sandbox/stats", null).json();
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            sandbox.close();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
