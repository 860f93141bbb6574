package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.followups.FollowUps;
import dev.teamsproactive.input.RejectedInputException;
import dev.teamsproactive.props.Props;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Update and recall through the real routes (routes/7-follow-ups.camel.yaml): every message a campaign delivered is
 * replaced in place, then deleted from the sandbox, paced by teams.pacing.bot-sends-per-second, each with its
 * own report; a second recall finds them gone.
 */
class UpdateAndRecallTest {
    private static final String ALAN = "alan@contoso.example";
    private static final String UMA = "uma.uninstall@contoso.example";

    @TempDir
    Path work;

    @Test
    void anUpdateReplacesEveryMessageAndARecallRemovesThem() throws Exception {
        try (PipelineFixture fixture = PipelineFixture.start(work, SandboxOptions.defaults(),
                "teams.pacing.bot-sends-per-second=2")) {
            Path file = Files.writeString(work.resolve("welcome.csv"), "id,name\n" + TenantSeeds.ADA + ",Ada\n"
                    + TenantSeeds.GRACE + ",Grace\n" + ALAN + ",Alan\n", StandardCharsets.UTF_8);
            String campaignId = fixture.sendOk(file).get("campaignId").asText();
            assertThat(fixture.sandboxDeliveries()).hasSize(3);
            Files.writeString(work.resolve("config/messages/correction.md"), "Correction for ${recipient}: the portal"
                    + " moves on Tuesday.", StandardCharsets.UTF_8);

            long started = System.nanoTime();
            JsonNode updated = followUp(fixture, campaignId, "update", "correction");
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(updated.get("updated").asInt()).isEqualTo(3);
            assertThat(updated.get("failed").asInt()).isZero();
            // Two calls per second: the third waits for the next second.
            assertThat(millis).isGreaterThanOrEqualTo(900);
            JsonNode deliveries = fixture.sandboxDeliveries();
            assertThat(deliveries).hasSize(3);
            List<String> texts = new ArrayList<>();
            deliveries.forEach(d -> texts.add(d.get("text").asText()));
            assertThat(texts).containsExactlyInAnyOrder("Correction for " + TenantSeeds.ADA + ": the portal moves on Tuesday.",
                    "Correction for " + TenantSeeds.GRACE + ": the portal moves on Tuesday.",
                    "Correction for " + ALAN + ": the portal moves on Tuesday.");
            assertThat(report(fixture, campaignId, "update.csv")).extracting(r -> r.get("status"))
                    .containsExactly("DONE", "DONE", "DONE");

            JsonNode recalled = followUp(fixture, campaignId, "recall", null);

            assertThat(recalled.get("recalled").asInt()).isEqualTo(3);
            assertThat(fixture.sandboxDeliveries()).isEmpty();
            List<CSVRecord> rows = report(fixture, campaignId, "recall.csv");
            assertThat(rows).extracting(r -> r.get("status")).containsExactly("DONE", "DONE", "DONE");
            assertThat(rows).extracting(r -> r.get("recipient")).containsExactlyInAnyOrder(TenantSeeds.ADA,
                    TenantSeeds.GRACE, ALAN);
            assertThat(fixture.reports.resolve(campaignId).resolve("recall-summary.json")).exists();

            JsonNode again = followUp(fixture, campaignId, "recall", null);

            assertThat(again.get("alreadyGone").asInt()).isEqualTo(3);
            assertThat(again.get("failed").asInt()).isZero();
            // The second recall has its own report; the first one's is kept as it was.
            assertThat(again.get("report").asText()).isEqualTo("recall-2.csv");
            assertThat(report(fixture, campaignId, "recall-2.csv")).extracting(r -> r.get("status"))
                    .containsExactly("GONE", "GONE", "GONE");
            assertThat(report(fixture, campaignId, "recall.csv")).extracting(r -> r.get("status"))
                    .containsExactly("DONE", "DONE", "DONE");
            assertThat(fixture.reports.resolve(campaignId).resolve("recall-2-summary.json")).exists();
        }
    }

    @Test
    void aRefusedMessageIsAFailedRowAndTheOthersAreStillUpdatedAndRecalled() throws Exception {
        try (PipelineFixture fixture = PipelineFixture.start(work, SandboxOptions.defaults())) {
            // Uma's app is removed after her first message: changing it answers 403 BotNotInConversationRoster.
            Path file = Files.writeString(work.resolve("four.csv"), "id,name\n" + TenantSeeds.ADA + ",Ada\n"
                    + TenantSeeds.GRACE + ",Grace\n" + ALAN + ",Alan\n" + UMA + ",Uma\n", StandardCharsets.UTF_8);
            String campaignId = fixture.sendOk(file).get("campaignId").asText();
            assertThat(fixture.sandboxDeliveries()).hasSize(4);
            Files.writeString(work.resolve("config/messages/correction.md"), "Correction for ${recipient}.",
                    StandardCharsets.UTF_8);

            JsonNode updated = followUp(fixture, campaignId, "update", "correction");

            assertThat(updated.get("updated").asInt()).isEqualTo(3);
            assertThat(updated.get("failed").asInt()).isEqualTo(1);
            assertThat(updated.get("byCode").get("BotNotInConversationRoster").asInt()).isEqualTo(1);
            List<CSVRecord> updateRows = report(fixture, campaignId, "update.csv");
            assertThat(updateRows).hasSize(4);
            CSVRecord uma = updateRows.stream().filter(r -> r.get("recipient").equals(UMA)).findFirst().orElseThrow();
            assertThat(uma.get("status")).isEqualTo("FAILED");
            assertThat(uma.get("code")).isEqualTo("BotNotInConversationRoster");

            JsonNode recalled = followUp(fixture, campaignId, "recall", null);

            assertThat(recalled.get("recalled").asInt()).isEqualTo(3);
            assertThat(recalled.get("failed").asInt()).isEqualTo(1);
            assertThat(report(fixture, campaignId, "recall.csv")).extracting(r -> r.get("status"))
                    .containsExactlyInAnyOrder("DONE", "DONE", "DONE", "FAILED");
            assertThat(fixture.sandboxDeliveries()).hasSize(1);
        }
    }

    @Test
    void anUnknownCampaignOrATemplateWithColumnsTheLedgerLacksIsRejected() throws Exception {
        try (PipelineFixture fixture = PipelineFixture.start(work, SandboxOptions.defaults())) {
            Exchange unknown = send(fixture, "nothing-000000000000", "recall", null);
            assertThat(unknown.getException()).isInstanceOf(RejectedInputException.class)
                    .hasMessageContaining("nothing-000000000000: no campaign with this id in the ledger");

            Path file = Files.writeString(work.resolve("one.csv"), "id,name\n" + TenantSeeds.ADA + ",Ada\n",
                    StandardCharsets.UTF_8);
            String campaignId = fixture.sendOk(file).get("campaignId").asText();
            Exchange byName = send(fixture, campaignId, "update", "notice");

            assertThat(byName.getException()).isInstanceOf(RejectedInputException.class)
                    .hasMessageContaining("${name}")
                    .hasMessageContaining("an update fills only ${recipient} and ${userId}");
            assertThat(fixture.sandboxDeliveries().get(0).get("text").asText()).doesNotContain("Correction");
        }
    }

    private static JsonNode followUp(PipelineFixture fixture, String campaignId, String action, String template)
            throws Exception {
        Exchange result = send(fixture, campaignId, action, template);
        if (result.getException() != null) {
            throw new AssertionError("the " + action + " failed", result.getException());
        }
        return SandboxTestClient.JSON.readTree(result.getMessage().getBody(String.class));
    }

    private static Exchange send(PipelineFixture fixture, String campaignId, String action, String template) {
        return fixture.app.producer().send("direct:follow-up", ex -> {
            ex.setProperty(Props.CAMPAIGN_ID, campaignId);
            ex.setProperty(FollowUps.ACTION, action);
            ex.setProperty(Props.TEMPLATE, template);
        });
    }

    private static List<CSVRecord> report(PipelineFixture fixture, String campaignId, String name) throws Exception {
        try (Reader in = Files.newBufferedReader(fixture.reports.resolve(campaignId).resolve(name), StandardCharsets.UTF_8)) {
            return new ArrayList<>(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)
                    .getRecords());
        }
    }
}
