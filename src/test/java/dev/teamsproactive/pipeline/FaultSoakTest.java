package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.ledger.DeliveryStatus;
import dev.teamsproactive.props.Props;
import dev.teamsproactive.safety.Resends;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient;
import dev.teamsproactive.sandbox.faults.FaultSpec;
import dev.teamsproactive.sandbox.limits.LimitsMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.camel.Exchange;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few hundred users while the services flake: 5 % of requests answer 5xx, 5 % 429 and 1 % lose the connection
 * (every service, the token endpoint too). Bounded retries with backoff and Retry-After carry everyone through: each
 * user is SENT, or IN_DOUBT when their Bot POST lost its connection (never posted twice); resending those leaves
 * everyone SENT with exactly one message each.
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

        assertThat(summary.get("failed").asInt()).as("summary %s", summary).isZero();
        assertThat(summary.get("sent").asInt() + summary.get("inDoubt").asInt()).isEqualTo(USERS);
        assertThat(summary.get("throttled").asInt()).as("429s met").isPositive();
        String campaignId = summary.get("campaignId").asText();
        List<CSVRecord> rows = fixture.deliveriesCsv(campaignId);
        assertThat(rows).hasSize(USERS).allSatisfy(r -> assertThat(r.get("status")).isIn("SENT", "IN_DOUBT"));
        Map<String, Integer> messagesPerUser = messagesPerUser();
        for (CSVRecord row : rows) {
            // A dropped connection on a Bot POST is IN_DOUBT (NoAnswer), never posted twice. The sandbox's reset
            // fault drops the request before delivering it, so those users have no message yet.
            int expected = row.get("status").equals("SENT") ? 1 : 0;
            assertThat(messagesPerUser.getOrDefault(row.get("userId"), 0)).as("messages to %s", row.get("recipient"))
                    .isEqualTo(expected);
            if (expected == 0) {
                assertThat(row.get("code")).isEqualTo("NoAnswer");
            }
        }
        // The faults were really met: the sandbox answered 5xx and dropped connections along the way.
        assertThat(fixture.sandboxRequests().findValues("status").stream().map(JsonNode::asInt))
                .contains(0).anyMatch(s -> s >= 502);

        // Resending the IN_DOUBT ones (the operator's choice) completes the campaign: everyone SENT exactly once.
        fixture.sandbox.tenant().faults(FaultSpec.NONE);
        Exchange resent = fixture.app.call("direct:campaign", Map.of(Props.CAMPAIGN_FILE, file.toAbsolutePath().toString(),
                "source", file.getFileName().toString(), "template", "",
                "resend", new Resends.Request(EnumSet.of(DeliveryStatus.IN_DOUBT), Set.of())));
        JsonNode last = SandboxTestClient.JSON.readTree(resent.getMessage().getBody(String.class));
        assertThat(last.get("sent").asInt()).as("after resend %s", last).isEqualTo(USERS);
        assertThat(messagesPerUser()).hasSize(USERS);
        assertThat(messagesPerUser().values()).allMatch(n -> n == 1);
    }

    private Map<String, Integer> messagesPerUser() {
        Map<String, Integer> messagesPerUser = new HashMap<>();
        for (JsonNode d : fixture.sandboxDeliveries()) {
            messagesPerUser.merge(d.get("userId").asText(), 1, Integer::sum);
        }
        return messagesPerUser;
    }
}
