package dev.teamsproactive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench-sandbox} from the real jar: one line of figures, nothing failed. (The figure itself is not judged here.) */
class BenchSandboxCommandIT {
    @TempDir
    Path workDir;

    @Test
    void printsOneLineOfFiguresWithTheSameFiguresAsJson() throws Exception {
        try (JarProcess bench = JarProcess.start(workDir, "bench-sandbox", "--seconds", "1", "--warmup-seconds", "0",
                "--connections", "2")) {
            assertThat(bench.exitCode(Duration.ofSeconds(60))).isZero();

            assertThat(bench.stdoutLines()).hasSize(1);
            String line = bench.stdoutLines().get(0);
            assertThat(line).matches("SANDBOX-BENCH \\d+ requests/s, p50 [\\d.]+ ms, p99 [\\d.]+ ms, 0 errors \\{.*\\}");
            JsonNode figures = new ObjectMapper().readTree(line.substring(line.indexOf('{')));
            assertThat(figures.get("target").asText()).isEqualTo("POST /{tenant}/oauth2/v2.0/token");
            assertThat(figures.get("limits").asText()).isEqualTo("off");
            assertThat(figures.get("connections").asInt()).isEqualTo(2);
            assertThat(figures.get("requests").asLong()).isPositive();
            assertThat(figures.get("errors").asLong()).isZero();
            assertThat(figures.get("p99Ms").asDouble()).isGreaterThanOrEqualTo(figures.get("p50Ms").asDouble());
        }
    }
}
