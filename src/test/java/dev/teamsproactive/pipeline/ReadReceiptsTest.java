package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.observe.CampaignBoard;
import dev.teamsproactive.observe.StatusApi;
import dev.teamsproactive.observe.StatusTable;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Read receipts on the real routes (routes/8-answers.camel.yaml) with teams.read-receipts.enabled, the sandbox
 * playing Teams: a receipt marks the user's message read (deliveries.csv readAt, summary.json read), the first read
 * wins, and a receipt whose token fails the check marks nothing.
 */
class ReadReceiptsTest {
    @TempDir
    Path work;
    private PipelineFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = PipelineFixture.withBotEndpoint(work, SandboxOptions.defaults().withUsers(5),
                "teams.read-receipts.enabled=true");
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private int read(int user, String token) {
        SandboxTestClient.Answer a = fixture.client.post("/_sandbox/users/" + PipelineFixture.userId(user) + "/act", null,
                "{\"kind\":\"read\",\"token\":\"" + token + "\"}");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json().get("status").asInt();
    }

    @Test
    void aReadReceiptMarksTheMessageReadOnceAndOnlyWithAValidToken() throws Exception {
        Path file = Files.writeString(work.resolve("notice.csv"),
                "upn,name\nuser1@contoso.example,A\nuser2@contoso.example,B\nuser3@contoso.example,C\n", StandardCharsets.UTF_8);
        JsonNode sent = fixture.sendOk(file);
        String campaignId = sent.get("campaignId").asText();
        assertThat(sent.get("read").asInt()).as("counted from the start").isZero();
        Instant before = Instant.now();

        assertThat(read(1, "valid")).isEqualTo(200);
        assertThat(read(2, "forged")).isEqualTo(401);
        assertThat(read(2, "expired")).isEqualTo(401);
        fixture.app.producer().sendBody("direct:answers-report", null);
        String firstRead = fixture.deliveriesCsv(campaignId).get(0).get("readAt");
        Thread.sleep(20);
        assertThat(read(1, "valid")).isEqualTo(200);
        fixture.app.producer().sendBody("direct:answers-report", null);

        List<CSVRecord> rows = fixture.deliveriesCsv(campaignId);
        assertThat(rows).extracting(r -> r.get("recipient")).containsExactly("user1@contoso.example",
                "user2@contoso.example", "user3@contoso.example");
        assertThat(Instant.parse(rows.get(0).get("readAt"))).isAfterOrEqualTo(before.minusMillis(1));
        assertThat(rows.get(0).get("readAt")).as("the first read wins").isEqualTo(firstRead);
        assertThat(rows.get(1).get("readAt")).as("a refused token marks nothing").isEmpty();
        assertThat(rows.get(2).get("readAt")).isEmpty();
        JsonNode summary = fixture.summaryJson(campaignId);
        assertThat(summary.get("read").asInt()).isEqualTo(1);
        assertThat(summary.get("sent").asInt()).as("the rest of the summary is kept").isEqualTo(3);
        assertThat(summary.get("responded").asInt()).isZero();

        // status (the command and GET /api/campaigns): who responded and who read, per campaign.
        SandboxTestClient.Answer ack = fixture.client.post("/_sandbox/users/" + PipelineFixture.userId(3) + "/act", null,
                "{\"kind\":\"submit\",\"data\":{\"ok\":\"yes\"}}");
        assertThat(ack.json().get("status").asInt()).isEqualTo(200);
        JsonNode status = new StatusApi(new CampaignBoard(fixture.app.ledger().dataSource()), fixture.reports,
                java.time.Clock.systemUTC()).campaignsJson().get("campaigns").get(0);
        assertThat(status.get("id").asText()).isEqualTo(campaignId);
        assertThat(status.get("responded").asLong()).isEqualTo(1);
        assertThat(status.get("read").asLong()).isEqualTo(1);
        List<String> table = StatusTable.lines(SandboxTestClient.JSON.createObjectNode().set("campaigns",
                SandboxTestClient.JSON.createArrayNode().add(status)));
        assertThat(table.get(0)).contains("SENT").contains("RESPONDED").contains("READ");
        assertThat(table.get(1).split("\\s+")).containsSequence("3", "0", "0", "0", "1", "1");
    }
}
