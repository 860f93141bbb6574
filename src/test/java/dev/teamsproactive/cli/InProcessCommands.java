package dev.teamsproactive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxTestClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine;

/**
 * Runs the command line in this JVM against a test's sandbox, config copy and the repository's routes; reads back
 * what it left (reports, the sandbox's deliveries).
 */
final class InProcessCommands {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Sandbox sandbox;
    private final Path config;

    InProcessCommands(Sandbox sandbox, Path config) {
        this.sandbox = sandbox;
        this.config = config;
    }

    /** Runs the command, which must exit 0; returns its standard output's lines. */
    List<String> run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new Main()).execute(withTarget(args));
        } finally {
            System.setOut(original);
        }
        assertThat(exit).as("exit code of %s", List.of(args)).isZero();
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    int exitCode(String... args) {
        return new CommandLine(new Main()).execute(withTarget(args));
    }

    /** The summary JSON a send or resend prints last. */
    static JsonNode summary(List<String> out) throws IOException {
        return JSON.readTree(out.get(out.size() - 1));
    }

    /** The campaign's deliveries.csv (in the reports folder beside the config copy), by recipient. */
    Map<String, CSVRecord> rows(String campaignId) throws IOException {
        Map<String, CSVRecord> byRecipient = new HashMap<>();
        Path csv = config.getParent().resolve("reports").resolve(campaignId).resolve("deliveries.csv");
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                byRecipient.put(r.get("recipient"), r);
            }
        }
        return byRecipient;
    }

    /** Every activity the sandbox's Bot Connector accepted. */
    List<JsonNode> deliveries() {
        List<JsonNode> all = new ArrayList<>();
        new SandboxTestClient(sandbox).get("/_sandbox/deliveries", null).json().forEach(all::add);
        return all;
    }

    long deliveredTo(String userId) {
        return deliveries().stream().filter(d -> userId.equals(d.get("userId").asText())).count();
    }

    private String[] withTarget(String... args) {
        // --verbose: a quiet command lowers the log levels of this whole JVM, which other tests read.
        return Stream.concat(Stream.of(args), Stream.of("--verbose", "--sandbox-url", sandbox.url(), "--config", config.toString(),
                "--routes", Path.of("routes").toAbsolutePath().toString())).toArray(String[]::new);
    }
}
