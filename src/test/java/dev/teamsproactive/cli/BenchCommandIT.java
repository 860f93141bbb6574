package dev.teamsproactive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench} of the real jar on a tiny size: it starts a sandbox process and a service process, and prints one
 * {@code BENCH {json}} line per scenario with its documented fields (one scenario: each costs JVM starts).
 */
class BenchCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workDir;

    @Test
    void printsOneBenchLinePerScenarioWithItsFigures() throws Exception {
        try (JarProcess bench = JarProcess.start(workDir, "bench", "cold-unlimited",
                "--unlimited-users", "12", "--work", workDir.resolve("bench").toString())) {
            List<String> lines = new ArrayList<>();
            for (String line = bench.nextLine(Duration.ofSeconds(240)); line != null; line = bench.nextLine(Duration.ofSeconds(240))) {
                lines.add(line);
            }
            assertThat(bench.exitCode(Duration.ofSeconds(30))).as("standard error: %s", bench.stderrLines()).isZero();

            List<JsonNode> results = new ArrayList<>();
            for (String line : lines) {
                assertThat(line).startsWith("BENCH {");
                results.add(JSON.readTree(line.substring("BENCH ".length())));
            }
            assertThat(results).extracting(r -> r.get("scenario").asText()).containsExactly("cold-unlimited");
            for (JsonNode r : results) {
                assertThat(r.fieldNames()).toIterable().containsExactly("scenario", "recipients", "seconds", "rate",
                        "ceiling", "ratio", "throttled", "heapPeakMb", "heapLiveMb");
                assertThat(r.get("recipients").asInt()).isEqualTo(12);
                assertThat(r.get("rate").asDouble()).isPositive();
                assertThat(r.get("ceiling").isNull()).isTrue();
                assertThat(r.get("throttled").asInt()).isZero();
                assertThat(r.get("heapPeakMb").asDouble()).isPositive();
                // What stayed after a collection is part of what was in use at the most.
                assertThat(r.get("heapLiveMb").asDouble()).isPositive().isLessThanOrEqualTo(r.get("heapPeakMb").asDouble());
            }
        }
    }

    /** {@code bench answers}: the sandbox as Teams presses the button for each user; the line adds latencies. */
    @Test
    void answersPrintsTheAnswersAbsorbedPerSecondAndTheirLatency() throws Exception {
        try (JarProcess bench = JarProcess.start(workDir, "bench", "answers", "--answers", "40", "--answer-senders", "4",
                "--work", workDir.resolve("bench").toString())) {
            List<String> lines = new ArrayList<>();
            for (String line = bench.nextLine(Duration.ofSeconds(240)); line != null; line = bench.nextLine(Duration.ofSeconds(240))) {
                lines.add(line);
            }
            assertThat(bench.exitCode(Duration.ofSeconds(30))).as("standard error: %s", bench.stderrLines()).isZero();

            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).startsWith("BENCH {");
            JsonNode r = JSON.readTree(lines.get(0).substring("BENCH ".length()));
            assertThat(r.fieldNames()).toIterable().containsExactly("scenario", "recipients", "seconds", "rate",
                    "ceiling", "ratio", "throttled", "heapPeakMb", "heapLiveMb", "p50Ms", "p99Ms", "senders");
            assertThat(r.get("scenario").asText()).isEqualTo("answers");
            assertThat(r.get("recipients").asInt()).isEqualTo(40);
            assertThat(r.get("senders").asInt()).isEqualTo(4);
            assertThat(r.get("rate").asDouble()).isPositive();
            assertThat(r.get("p50Ms").asDouble()).isPositive().isLessThanOrEqualTo(r.get("p99Ms").asDouble());
            assertThat(bench.stderrLines()).anyMatch(l -> l.contains("summary.json says 40 of 40 responded"));
        }
    }
}
