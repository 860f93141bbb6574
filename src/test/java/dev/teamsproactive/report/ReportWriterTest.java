package dev.teamsproactive.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.teamsproactive.ledger.DeliveryStatus;
import dev.teamsproactive.ledger.Ledger;
import dev.teamsproactive.ledger.Outcome;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    private static final String CAMPAIGN = "welcome-0123456789ab";
    private static final String HEADER =
            "recipient,userId,status,code,detail,conversationId,activityId,attempts,updatedAt,resolvedBy,readAt";

    @TempDir
    Path folder;

    private Ledger ledger;
    private Path reports;

    @BeforeEach
    void campaignWithEveryKindOfRow() {
        ledger = Ledger.open("jdbc:h2:file:" + folder.resolve("ledger"), null, null);
        reports = folder.resolve("reports");
        ledger.registerCampaign(CAMPAIGN, "welcome.csv", "welcome", 6);
        for (int line = 1; line <= 6; line++) {
            ledger.claimRow(CAMPAIGN, line, "r" + line);
        }
        ledger.recordOutcomes(List.of(
                new Outcome(CAMPAIGN, 1, "Zoë Ångström <zoe@contoso.example> 日本", "u1", DeliveryStatus.SENT, null, null,
                        "19:u1_bot@unq.gbl.spaces", "1:abc", 1, "mail"),
                Outcome.notSent(CAMPAIGN, 2, "=HYPERLINK(\"https://evil.example\",\"click\")", null,
                        DeliveryStatus.SKIPPED, "UserNotFound", "+SUM(A1:A9)", 0),
                Outcome.notSent(CAMPAIGN, 3, "bob.blocker@contoso.example", "u3", DeliveryStatus.FAILED,
                        "ConversationBlockedByUser", "The user blocked the bot, \"for good\"\nsecond line", 1),
                Outcome.notSent(CAMPAIGN, 4, "@cmd", "u4", DeliveryStatus.FAILED, "ConversationBlockedByUser",
                        "-2+3", 1),
                Outcome.notSent(CAMPAIGN, 5, "\tTabbed", "u5", DeliveryStatus.IN_DOUBT, "504", "\rcarriage", 5),
                Outcome.notSent(CAMPAIGN, 6, "sam@contoso.example", "u1", DeliveryStatus.SKIPPED, "DuplicateRecipient",
                        "same user as line 1", 0)));
        ledger.addThrottled(CAMPAIGN, 4);
        ledger.finishCampaign(CAMPAIGN);
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void deliveriesCsvHasTheDocumentedHeaderAndOneQuotedRowPerRecipientInLineOrder() throws Exception {
        Report report = ReportWriter.write(ledger, CAMPAIGN, reports);

        assertThat(report.deliveriesCsv()).isEqualTo(reports.resolve(CAMPAIGN).resolve("deliveries.csv"));
        String text = Files.readString(report.deliveriesCsv(), StandardCharsets.UTF_8);
        assertThat(text).startsWith(HEADER + "\r\n");
        List<CSVRecord> rows = parse(report.deliveriesCsv());
        assertThat(rows).hasSize(6);

        CSVRecord sent = rows.get(0);
        assertThat(sent.get("recipient")).isEqualTo("Zoë Ångström <zoe@contoso.example> 日本");
        assertThat(sent.get("userId")).isEqualTo("u1");
        assertThat(sent.get("status")).isEqualTo("SENT");
        assertThat(sent.get("code")).isEmpty();
        assertThat(sent.get("conversationId")).isEqualTo("19:u1_bot@unq.gbl.spaces");
        assertThat(sent.get("activityId")).isEqualTo("1:abc");
        assertThat(sent.get("attempts")).isEqualTo("1");
        assertThat(Instant.parse(sent.get("updatedAt"))).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(sent.get("updatedAt")).endsWith("Z");
        assertThat(sent.get("resolvedBy")).isEqualTo("mail");
        assertThat(rows.get(1).get("resolvedBy")).as("an unresolved recipient").isEmpty();

        CSVRecord blocked = rows.get(2);
        assertThat(blocked.get("status")).isEqualTo("FAILED");
        assertThat(blocked.get("code")).isEqualTo("ConversationBlockedByUser");
        assertThat(blocked.get("detail")).isEqualTo("The user blocked the bot, \"for good\"\nsecond line");
        assertThat(rows).extracting(r -> r.get("status"))
                .containsExactly("SENT", "SKIPPED", "FAILED", "FAILED", "IN_DOUBT", "SKIPPED");
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreNeutralised() throws Exception {
        List<CSVRecord> rows = parse(ReportWriter.write(ledger, CAMPAIGN, reports).deliveriesCsv());

        assertThat(rows.get(1).get("recipient")).isEqualTo("'=HYPERLINK(\"https://evil.example\",\"click\")");
        assertThat(rows.get(1).get("detail")).isEqualTo("'+SUM(A1:A9)");
        assertThat(rows.get(3).get("recipient")).isEqualTo("'@cmd");
        assertThat(rows.get(3).get("detail")).isEqualTo("'-2+3");
        assertThat(rows.get(4).get("recipient")).isEqualTo("'\tTabbed");
        assertThat(rows.get(4).get("detail")).isEqualTo("'\rcarriage");
        for (CSVRecord row : rows) {
            for (String cell : row) {
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                        .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
            }
        }
    }

    @Test
    void summaryJsonHasExactlyTheDocumentedKeysAndCounts() throws Exception {
        Report report = ReportWriter.write(ledger, CAMPAIGN, reports);

        JsonNode summary = new ObjectMapper().readTree(report.summaryJson().toFile());
        List<String> keys = new ArrayList<>();
        summary.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("campaignId", "source", "template", "total", "sent", "failed", "inDoubt",
                "skipped", "startedAt", "finishedAt", "durationMs", "throttled", "byCode");
        assertThat(summary.get("campaignId").asText()).isEqualTo(CAMPAIGN);
        assertThat(summary.get("source").asText()).isEqualTo("welcome.csv");
        assertThat(summary.get("template").asText()).isEqualTo("welcome");
        assertThat(summary.get("total").asLong()).isEqualTo(6);
        assertThat(summary.get("sent").asLong()).isEqualTo(1);
        assertThat(summary.get("failed").asLong()).isEqualTo(2);
        assertThat(summary.get("inDoubt").asLong()).isEqualTo(1);
        assertThat(summary.get("skipped").asLong()).isEqualTo(2);
        assertThat(summary.get("throttled").asLong()).isEqualTo(4);
        Instant started = Instant.parse(summary.get("startedAt").asText());
        Instant finished = Instant.parse(summary.get("finishedAt").asText());
        assertThat(summary.get("startedAt").asText()).endsWith("Z");
        assertThat(summary.get("durationMs").asLong()).isEqualTo(Duration.between(started, finished).toMillis());
        assertThat(new ObjectMapper().convertValue(summary.get("byCode"), java.util.Map.class))
                .isEqualTo(java.util.Map.of("ConversationBlockedByUser", 2, "UserNotFound", 1, "504", 1,
                        "DuplicateRecipient", 1));
        assertThat(report.summary().toJsonLine()).doesNotContain("\n")
                .isEqualTo(new ObjectMapper().writeValueAsString(summary));
    }

    @Test
    void writingAgainReplacesBothFilesAndLeavesNoTemporaryFiles() throws Exception {
        ReportWriter.write(ledger, CAMPAIGN, reports);
        ledger.recordOutcome(Outcome.sent(CAMPAIGN, 5, "\tTabbed", "u5", "19:u5", "1:u5", 6));

        Report again = ReportWriter.write(ledger, CAMPAIGN, reports);

        try (Stream<Path> files = Files.list(again.directory())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("deliveries.csv", "summary.json");
        }
        assertThat(parse(again.deliveriesCsv()).get(4).get("status")).isEqualTo("SENT");
        assertThat(again.summary().sent()).isEqualTo(2);
    }

    @Test
    void aCampaignIdThatIsNoSafeFolderNameIsRefused() {
        assertThatThrownBy(() -> ReportWriter.write(ledger, "../outside", reports))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(folder.resolve("outside")).doesNotExist();
    }

    private static List<CSVRecord> parse(Path csv) throws Exception {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            List<CSVRecord> rows = new ArrayList<>();
            Iterator<CSVRecord> it = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader).iterator();
            it.forEachRemaining(rows::add);
            return rows;
        }
    }
}
