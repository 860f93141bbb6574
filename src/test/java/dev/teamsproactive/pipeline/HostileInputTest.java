package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.faults.FaultSpec;
import dev.teamsproactive.sandbox.http.Service;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile corpus, end to end through the real routes (whole-file rejections such as binary files, invalid
 * UTF-8 and a 10 MB line are in {@link RejectedInputTest}; the parsers' and the report writer's own cases in
 * CsvRejectionsTest, RecipientKeyTest and ReportWriterTest). Nothing crashes, every row gets a clear outcome,
 * the report carries no live formula, and no secret or token reaches a log line or a report.
 */
class HostileInputTest {
    /** What a JWT access token looks like: three base64url parts, the first a JSON header ("eyJ"). */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*");
    private static final String SANDBOX_SECRET = "sandbox-secret-not-for-production";
    private static final String ADA_ID = "1569d944-27fd-5601-9416-3e3519eef744";
    @TempDir
    Path work;

    @Test
    void hostileRowsEachGetAClearOutcomeAndTheReportCarriesNoLiveFormula() throws Exception {
        String file = String.join("\n",
                "upn,name",
                "\"=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\")\",Eve",
                "+cmd|' /C calc'!A0,Plus",
                "-2+3,Minus",
                "@SUM(1+1)*cmd,At",
                "ada@contoso.example,\"=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\")\"",
                "../../users/grace@contoso.example,Dots",
                "grace@contoso.example?$select=id,Query",
                "grace#x@contoso.example,Hash",
                "gr%61ce@contoso.example,Percent",
                "alan/../grace@contoso.example,Slash",
                "\"o'brien@contoso.example\",\"O'Brien \"\"the quote\"\"\"",
                "\"al\u0007an@contoso.example\",Bell",
                "\"alan@contoso.example\",\"tab\tand\u001bescape\"",
                "");
        try (PipelineFixture fixture = PipelineFixture.start(work, SandboxOptions.defaults())) {
            JsonNode summary = fixture.sendOk(Files.writeString(work.resolve("hostile.csv"), file, StandardCharsets.UTF_8));

            List<CSVRecord> rows = fixture.deliveriesCsv(summary.get("campaignId").asText());
            assertThat(rows).hasSize(13);
            assertThat(rows).allSatisfy(r -> {
                assertThat(r.get("status")).isIn("SENT", "FAILED", "SKIPPED");
                if (!r.get("status").equals("SENT")) {
                    assertThat(r.get("code")).as("the code of %s", r).isNotBlank();
                }
            });
            assertThat(summary.get("sent").asInt()).as("ada, o'brien and alan: %s", summary).isEqualTo(3);
            // No recipient id reshaped a Graph or Bot Connector URL.
            assertThat(fixture.sandboxRequests().findValues("path")).noneMatch(p -> p.asText().contains("..")
                    || p.asText().contains("evil") || p.asText().contains("grace"));
            // A spreadsheet opening the report runs nothing: no cell starts as a formula.
            for (CSVRecord row : rows) {
                for (String cell : row) {
                    assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                            .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
                }
            }
        }
    }

    @Test
    void aHundredThousandDuplicatesOfOneUserAreSentOnceAndQuickly() throws Exception {
        int copies = 100_000;
        Path file = work.resolve("duplicates.csv");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,name\n");
            for (int i = 0; i < copies; i++) {
                out.write(ADA_ID + ",Ada\n");
            }
        }
        try (PipelineFixture fixture = PipelineFixture.start(work, SandboxOptions.defaults())) {
            long start = System.nanoTime();
            JsonNode summary = fixture.sendOk(file);
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;

            assertThat(summary.get("sent").asInt()).as("summary %s", summary).isEqualTo(1);
            assertThat(summary.get("skipped").asInt()).isEqualTo(copies - 1);
            assertThat(summary.get("byCode").get("DuplicateRecipient").asInt()).isEqualTo(copies - 1);
            assertThat(fixture.sandboxDeliveries()).hasSize(1);
            System.out.println("100000 duplicates: " + seconds + " s");
            // Not a speed figure (about a minute on a quiet 2-core machine, several under load): a guard against work
            // that grows with the square of the copies, which would take hours.
            assertThat(seconds).as("seconds for %d duplicates", copies).isLessThan(600);
        }
    }

    @Test
    void secretsAndTokensNeverReachLogsOrReports() throws Exception {
        CapturedLogs logs = CapturedLogs.attach();
        // The faults hit Graph and the Bot Connector only, and the catalog id is configured: the campaign's own start
        // (tokens, catalog lookup) never meets them, so it always runs and each recipient meets them instead.
        try (PipelineFixture fixture = PipelineFixture.start(work, SandboxOptions.defaults(), Map.of(
                "teams.backoff.first-delay-ms", "20", "teams.backoff.max-retries", "1", "teams.retry-after.max-retries", "1",
                "teams.app-catalog-id", TenantSeeds.CATALOG_ID))) {
            FaultSpec faults = FaultSpec.parse("5xx=0.1,429=0.1,reset=0.05");
            fixture.sandbox.tenant().faults(Service.GRAPH, faults);
            fixture.sandbox.tenant().faults(Service.BOT_CONNECTOR, faults);
            // Failures of every kind get logged: blocked, policy, unknown user, bad ids, and faults that exhaust retries.
            fixture.send(Files.copy(Path.of("examples/mixed.csv"), work.resolve("mixed.csv")), "");
        } finally {
            logs.close();
        }
        String reports;
        try (Stream<Path> files = Files.walk(work.resolve("reports"))) {
            reports = files.filter(Files::isRegularFile).map(p -> {
                try {
                    return Files.readString(p);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.joining("\n"));
        }
        assertThat(logs.text()).as("the run logged its failures").contains("Recipient failed");
        assertThat(reports).as("the report was written").contains("recipient,userId,status");
        for (String text : List.of(logs.text(), reports)) {
            assertThat(text).doesNotContain(SANDBOX_SECRET);
            assertThat(JWT.matcher(text).find()).as("a JWT in %s", JWT.matcher(text).results().map(m -> m.group())
                    .findFirst().orElse("")).isFalse();
        }
    }
}
