package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.sandbox.SandboxOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One campaign whose rows meet every case the default sandbox tenant knows, through the real routes:
 * each row ends with the status and code a user reads in deliveries.csv, and each reachable user
 * gets exactly one message with their own name in it.
 */
class MixedCampaignTest {
    private static final String ADA = "1569d944-27fd-5601-9416-3e3519eef744";
    private static final String OBRIEN = "70983dc3-9918-595c-beee-0b469475ad71";
    private static final String MARIE = "5edb8f11-ca02-5d6b-ae06-b77ede440bea";
    private static final String GRACE = "47ad9f01-c80b-52f4-8cdb-786f9c93c8cb";
    private static final String SAM = "ef897d58-c1cc-5b6e-a37f-7689a68794f1";
    private static final String IRENE = "f61dbf76-3f27-566c-88b0-d02802a209bf";

    static final String MIXED_CSV = """
            id,mail,name
            ada@contoso.example,,Ada
            o'brien@contoso.example,,Siobhan
            ,marie.keller@contoso.example,Marie
            grace@contoso.example,,Grace
            %s,,Grace again
            nobody@contoso.example,,Nobody
            bob.blocker@contoso.example,,Bob
            pat.policy@contoso.example,,Pat
            sam.slow@contoso.example,,Sam
            irene@contoso.example,,Irene
            ../x,,Path trick
            """.formatted(GRACE);

    @TempDir
    Path work;
    private PipelineFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = PipelineFixture.start(work, SandboxOptions.defaults().withSlowChatDelay(Duration.ofMillis(1500)));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void everyRowEndsWithTheStatusAndCodeOfItsCase() throws Exception {
        Path file = Files.writeString(work.resolve("mixed.csv"), MIXED_CSV, StandardCharsets.UTF_8);

        JsonNode summary = fixture.sendOk(file);
        String campaignId = summary.get("campaignId").asText();

        Map<String, String> outcomes = new LinkedHashMap<>();
        for (CSVRecord r : fixture.deliveriesCsv(campaignId)) {
            outcomes.put(r.get("recipient"), r.get("status") + " " + r.get("code"));
        }
        // Grace by UPN and by id: one row is sent, the other skipped. Which one depends on which row
        // claims her first (rows run in parallel), so the test asks only for one of each.
        assertThat(List.of(outcomes.remove("grace@contoso.example"), outcomes.remove(GRACE)))
                .containsExactlyInAnyOrder("SENT ", "SKIPPED DuplicateRecipient");
        assertThat(outcomes).containsOnly(
                Map.entry("ada@contoso.example", "SENT "),
                Map.entry("o'brien@contoso.example", "SENT "),
                Map.entry("marie.keller@contoso.example", "SENT "),
                Map.entry("nobody@contoso.example", "FAILED UserNotFound"),
                Map.entry("bob.blocker@contoso.example", "FAILED ConversationBlockedByUser"),
                Map.entry("pat.policy@contoso.example", "FAILED Forbidden"),
                Map.entry("sam.slow@contoso.example", "SENT "),
                Map.entry("irene@contoso.example", "SENT "),
                Map.entry("../x", "FAILED InvalidRecipient"));
        assertThat(summary.get("total").asInt()).isEqualTo(11);
        assertThat(summary.get("sent").asInt()).isEqualTo(6);
        assertThat(summary.get("failed").asInt()).isEqualTo(4);
        assertThat(summary.get("skipped").asInt()).isEqualTo(1);
        assertThat(summary.get("inDoubt").asInt()).isZero();
        assertThat(fixture.summaryJson(campaignId)).isEqualTo(summary);
    }

    @Test
    void eachReachableUserGetsOneMessageWithTheirNameFilledIn() throws Exception {
        Path file = Files.writeString(work.resolve("mixed.csv"), MIXED_CSV, StandardCharsets.UTF_8);

        fixture.sendOk(file);

        List<JsonNode> deliveries = StreamSupport.stream(fixture.sandboxDeliveries().spliterator(), false).toList();
        Map<String, Long> perUser = deliveries.stream()
                .collect(Collectors.groupingBy(d -> d.get("userId").asText(), Collectors.counting()));
        assertThat(perUser).containsOnly(Map.entry(ADA, 1L), Map.entry(OBRIEN, 1L), Map.entry(MARIE, 1L),
                Map.entry(GRACE, 1L), Map.entry(SAM, 1L), Map.entry(IRENE, 1L));
        Map<String, String> cardOf = deliveries.stream()
                .collect(Collectors.toMap(d -> d.get("userId").asText(), d -> d.get("attachments").toString()));
        assertThat(cardOf.get(ADA)).contains("Welcome to Contoso Announcements, Ada!");
        assertThat(cardOf.get(OBRIEN)).contains("Welcome to Contoso Announcements, Siobhan!");
        assertThat(cardOf.get(MARIE)).contains("Welcome to Contoso Announcements, Marie!");
        assertThat(cardOf.get(SAM)).contains("Welcome to Contoso Announcements, Sam!");
        assertThat(cardOf.values()).noneMatch(card -> card.contains("${"));
    }

    @Test
    void anInvalidRecipientNeverReachesGraph() throws Exception {
        Path file = Files.writeString(work.resolve("mixed.csv"), MIXED_CSV, StandardCharsets.UTF_8);

        fixture.sendOk(file);

        List<String> paths = StreamSupport.stream(fixture.sandboxRequests().spliterator(), false)
                .map(r -> r.get("path").asText()).toList();
        assertThat(paths).isNotEmpty().noneMatch(p -> p.contains("..") || p.contains("%2E%2E") || p.endsWith("/x"));
    }
}
