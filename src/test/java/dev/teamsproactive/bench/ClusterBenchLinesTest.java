package dev.teamsproactive.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code bench cluster}'s BENCH lines as docs/benchmarks.md shows them: cluster-cold and cluster-warm with the
 * documented fields and their ceilings (30/s, 50/s); cluster-takeover with {@code seconds} from the kill to the
 * campaign's last row final. The runs themselves need three JVMs and PostgreSQL; docs/cluster.md says how the cluster is proved.
 */
class ClusterBenchLinesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DOCUMENTED = List.of("scenario", "recipients", "seconds", "rate", "ceiling",
            "ratio", "throttled", "heapPeakMb", "heapLiveMb");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final BenchLines benchLines = new BenchLines(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    @Test
    void clusterNamesItsThreeScenariosWhichRunOnlyWithADatabase() {
        assertThat(Scenario.named("cluster")).containsExactly(Scenario.CLUSTER_COLD, Scenario.CLUSTER_WARM,
                Scenario.CLUSTER_TAKEOVER);
        assertThat(Scenario.named("cluster")).allMatch(Scenario::needsDatabase);
        assertThat(Scenario.named("cold-limited")).containsExactly(Scenario.COLD_LIMITED);
        assertThat(Scenario.COLD_LIMITED.needsDatabase()).isFalse();
    }

    @Test
    void coldAndWarmRoundsGiveTheirRateAsARatioOfTheTenantsCeiling() throws Exception {
        SandboxProcess.Stats stats = new SandboxProcess.Stats(2400, 0, 600);
        benchLines.report(Scenario.CLUSTER_COLD, new Measured(summary(600, 20_500), stats, noHeap()));
        benchLines.report(Scenario.CLUSTER_WARM, new Measured(summary(600, 12_400), stats, noHeap()));

        List<JsonNode> lines = lines();
        assertThat(lines).extracting(l -> l.get("scenario").asText()).containsExactly("cluster-cold", "cluster-warm");
        for (JsonNode line : lines) {
            assertThat(line.fieldNames()).toIterable().containsExactlyElementsOf(DOCUMENTED);
            assertThat(line.get("recipients").asInt()).isEqualTo(600);
            assertThat(line.get("throttled").asInt()).isZero();
        }
        assertThat(lines.get(0).get("ceiling").asDouble()).isEqualTo(30.0);
        assertThat(lines.get(0).get("rate").asDouble()).isEqualTo(29.27);
        assertThat(lines.get(0).get("ratio").asDouble()).isEqualTo(0.976);
        assertThat(lines.get(1).get("ceiling").asDouble()).isEqualTo(50.0);
        assertThat(lines.get(1).get("ratio").asDouble()).isEqualTo(0.968);
    }

    @Test
    void takeoverGivesTheSecondsFromTheKillToTheCampaignsLastRowFinal() throws Exception {
        benchLines.reportTakeover(new ClusterBench.Takeover(200, 17.25, 1.5, 3, new SandboxProcess.Stats(900, 0, 200)));

        JsonNode line = lines().get(0);
        assertThat(line.fieldNames()).toIterable().startsWith(DOCUMENTED.toArray(String[]::new))
                .containsAll(Set.of("resumedAfterSeconds", "inDoubt"));
        assertThat(line.get("scenario").asText()).isEqualTo("cluster-takeover");
        assertThat(line.get("recipients").asInt()).isEqualTo(200);
        assertThat(line.get("seconds").asDouble()).isEqualTo(17.25);
        assertThat(line.get("resumedAfterSeconds").asDouble()).isEqualTo(1.5);
        assertThat(line.get("inDoubt").asInt()).isEqualTo(3);
        assertThat(line.get("ceiling").isNull()).isTrue();
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> parsed = new java.util.ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).lines().toList()) {
            assertThat(line).startsWith("BENCH {");
            parsed.add(JSON.readTree(line.substring("BENCH ".length())));
        }
        return parsed;
    }

    private static JsonNode summary(long sent, long millis) {
        return JSON.createObjectNode().put("total", sent).put("sent", sent).put("durationMs", millis);
    }

    private static ServiceProcess.Heap noHeap() {
        return new ServiceProcess.Heap(Double.NaN, Double.NaN);
    }
}
