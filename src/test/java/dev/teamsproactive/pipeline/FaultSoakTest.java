package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.faults.FaultSpec;
import dev.teamsproactive.sandbox.limits.LimitsMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few hundred users while the services flake: 5 % of requests answer 5xx, 5 % 429 and 1 % lose the connection
 * (every service, the token endpoint too). Bounded retries with backoff and Retry-After carry everyone through:
 * each user is SENT, and the sandbox accepted exactly one message for each.
 */
class FaultSoakTest {
    private static final int USERS = 300;
    @TempDir
    Path work;
    private PipelineFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = PipelineFixture.start(work, SandboxOptions.defaults().withUsers(USERS)
                .withLimits(LimitsMode.parse("x10")).withFaults(FaultSpec.parse("5xx=0.05,429=0.05,reset=0.01")),
                Map.of("teams.backoff.first-delay-ms", "50", "teams.backoff.max-delay-ms", "1000",
                        "teams.chat-lookup.delay-ms", "100"));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void everyUserIsSentExactlyOnce() throws Exception {
        Path file = Files.writeString(work.resolve("soak.csv"), "upn,name\n" + IntStream.rangeClosed(1, USERS)
                .mapToObj(n -> "user" + n + "@contoso.example,User " + n).collect(Collectors.joining("\n")) + "\n",
                StandardCharsets.UTF_8);

        JsonNode summary = fixture.sendOk(file);

        assertThat(summary.get("sent").asInt()).as("summary %s", summary).isEqualTo(USERS);
        assertThat(summary.get("failed").asInt()).isZero();
        assertThat(summary.get("throttled").asInt()).as("429s met").isPositive();
        List<CSVRecord> rows = fixture.deliveriesCsv(summary.get("campaignId").asText());
        assertThat(rows).hasSize(USERS).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("SENT"));
        Map<String, Integer> messagesPerUser = new HashMap<>();
        for (JsonNode d : fixture.sandboxDeliveries()) {
            messagesPerUser.merge(d.get("userId").asText(), 1, Integer::sum);
        }
        assertThat(messagesPerUser).hasSize(USERS);
        assertThat(messagesPerUser.values()).allMatch(n -> n == 1);
        // The faults were really met: the sandbox answered 5xx and dropped connections along the way.
        assertThat(fixture.sandboxRequests().findValues("status").stream().map(JsonNode::asInt))
                .contains(0).anyMatch(s -> s >= 502);
    }
}
