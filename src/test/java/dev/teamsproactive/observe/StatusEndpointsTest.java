package dev.teamsproactive.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's HTTP port after one campaign with mixed outcomes: health, Prometheus metrics, the status
 * page's data and the report files it links to.
 */
class StatusEndpointsTest {
    static final String CSV = """
            id,name
            ada@contoso.example,Ada
            grace@contoso.example,Grace
            bob.blocker@contoso.example,Bob
            nobody@contoso.example,Nobody
            """;

    @TempDir
    static Path work;
    static ObservedService service;
    static String campaignId;

    static final ListAppender<ILoggingEvent> FAILURES = new ListAppender<>();

    @BeforeAll
    static void runOneCampaign() throws Exception {
        Logger failures = (Logger) LoggerFactory.getLogger("dev.teamsproactive.RecipientFailed");
        FAILURES.start();
        failures.addAppender(FAILURES);
        service = ObservedService.start(work, "");
        Path file = Files.writeString(work.resolve("observed.csv"), CSV, StandardCharsets.UTF_8);
        campaignId = service.send(file).get("campaignId").asText();
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger("dev.teamsproactive.RecipientFailed")).detachAppender(FAILURES);
        if (service != null) {
            service.close();
        }
    }

    @Test
    void eachFailedRecipientGetsOneStructuredLineWithoutSecrets() {
        List<String> lines = FAILURES.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).hasSize(2);
        String blocked = lines.stream().filter(l -> l.contains("bob.blocker")).findFirst().orElseThrow();
        assertThat(blocked).startsWith("Recipient failed: campaign=" + campaignId + " line=4 recipient=bob.blocker@contoso.example userId=")
                .endsWith(" status=FAILED step=bot-send method=POST httpStatus=403 code=ConversationBlockedByUser attempts=1");
        String unknown = lines.stream().filter(l -> l.contains("nobody")).findFirst().orElseThrow();
        assertThat(unknown).isEqualTo("Recipient failed: campaign=" + campaignId
                + " line=5 recipient=nobody@contoso.example status=FAILED step=resolve-user code=UserNotFound attempts=0");
        assertThat(String.join("\n", lines)).doesNotContainIgnoringCase("bearer").doesNotContain("eyJ")
                .doesNotContain("sandbox-secret");
    }

    @Test
    void livenessAndReadinessAreUpWithTheLedgerAndTokenEndpointChecks() throws Exception {
        assertThat(service.get("/observe/health/live").status()).isEqualTo(200);
        ObservedService.Answer ready = service.get("/observe/health/ready?exposureLevel=full");
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("ledger").contains("token-endpoint");
    }

    @Test
    void metricsAreServedAsPrometheusText() throws Exception {
        ObservedService.Answer metrics = service.get("/observe/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("teams_recipients_total{code=\"\",status=\"SENT\"} 2.0")
                .contains("teams_recipients_total{code=\"ConversationBlockedByUser\",status=\"FAILED\"} 1.0")
                .contains("teams_recipients_total{code=\"UserNotFound\",status=\"FAILED\"} 1.0")
                .contains("teams_calls_seconds_count{endpoint=\"POST /v3/conversations/{id}/activities\",status=\"201\"} 2")
                .contains("teams_calls_seconds_count{endpoint=\"POST /v3/conversations/{id}/activities\",status=\"403\"} 1")
                .contains("teams_calls_seconds_count{endpoint=\"GET /v1.0/users/{id}\",status=\"404\"} 1")
                .contains("teams_campaign_duration_seconds_count{outcome=\"finished\"} 1");
    }

    @Test
    void campaignsListShowsTheFinishedCampaignWithItsCountsAndReportLinks() throws Exception {
        JsonNode list = service.get("/api/campaigns").json().get("campaigns");
        assertThat(list).hasSize(1);
        JsonNode c = list.get(0);
        assertThat(c.get("id").asText()).isEqualTo(campaignId);
        assertThat(c.get("status").asText()).isEqualTo("FINISHED");
        assertThat(c.get("total").asLong()).isEqualTo(4);
        assertThat(c.get("done").asLong()).isEqualTo(4);
        assertThat(c.get("sent").asLong()).isEqualTo(2);
        assertThat(c.get("failed").asLong()).isEqualTo(2);
        assertThat(c.get("failedByCode").get("ConversationBlockedByUser").asLong()).isEqualTo(1);
        assertThat(c.get("failedByCode").get("UserNotFound").asLong()).isEqualTo(1);
        assertThat(c.get("report").get("deliveries").asText()).isEqualTo("/reports/" + campaignId + "/deliveries.csv");
    }

    @Test
    void oneCampaignCarriesATimelineThatEndsWithItsFinalCounts() throws Exception {
        JsonNode c = service.get("/api/campaigns/" + campaignId).json();
        JsonNode points = c.get("timeline").get("points");
        assertThat(points.size()).isGreaterThan(1);
        JsonNode last = points.get(points.size() - 1);
        assertThat(last.get("sent").asLong()).isEqualTo(2);
        assertThat(last.get("failedByCode").get("ConversationBlockedByUser").asLong()).isEqualTo(1);
        // Cumulative: never decreasing.
        for (int i = 1; i < points.size(); i++) {
            assertThat(points.get(i).get("sent").asLong()).isGreaterThanOrEqualTo(points.get(i - 1).get("sent").asLong());
        }
        assertThat(service.get("/api/campaigns/no-such-campaign").status()).isEqualTo(404);
    }

    @Test
    void reportFilesAreServedAndNothingElseUnderReports() throws Exception {
        ObservedService.Answer summary = service.get("/reports/" + campaignId + "/summary.json");
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.json().get("sent").asLong()).isEqualTo(2);
        ObservedService.Answer csv = service.get("/reports/" + campaignId + "/deliveries.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("recipient,userId,status").contains("bob.blocker@contoso.example");
        assertThat(service.get("/reports/" + campaignId + "/other.txt").status()).isEqualTo(404);
        assertThat(service.get("/reports/..%2F..%2Fconfig/summary.json").status()).isEqualTo(404);
    }

    @Test
    void theStatusPageIsServedAndTheRootLeadsToIt() throws Exception {
        ObservedService.Answer page = service.get("/status");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("/api/campaigns");
    }

    @Test
    void onlyTheLocalHostNamesAreServedSoAnotherSiteCannotReadThePortThroughDnsRebinding() throws Exception {
        String[] paths = {"/status", "/api/campaigns", "/api/campaigns/" + campaignId,
                "/reports/" + campaignId + "/deliveries.csv", "/observe/health", "/observe/metrics"};
        for (String path : paths) {
            for (String host : new String[] {"127.0.0.1:" + service.port, "localhost:" + service.port, "[::1]:" + service.port,
                    "LOCALHOST"}) {
                assertThat(service.getAs(path, host, null).status()).as("%s with Host %s", path, host).isEqualTo(200);
            }
            for (String host : new String[] {"evil.example", "evil.example:" + service.port, "127.0.0.1.evil.example",
                    "localhost.evil.example:" + service.port, ""}) {
                ObservedService.Answer refused = service.getAs(path, host, null);
                assertThat(refused.status()).as("%s with Host %s", path, host).isEqualTo(403);
                assertThat(refused.body()).doesNotContain("ada@contoso.example").doesNotContain(campaignId)
                        .contains("teams.http.allowed-hosts");
            }
        }
    }

    @Test
    void thePageSaysLoadingUntilItsDataArrivesAndHasASummaryTableAndTheRejectedFiles() throws Exception {
        String page = service.get("/status").body();
        String beforeScript = page.substring(0, page.indexOf("<script>"));
        assertThat(beforeScript).contains("Loading…").doesNotContain("No campaign yet");
        assertThat(page).contains("summaryTable(").contains("id: \"summary-table\"").contains("fetch(\"/api/rejected\")")
                .contains("rejectedTable(");
    }

    @Test
    void eachCampaignCountsWhoRespondedAndThePageChartsTheResponseRate() throws Exception {
        JsonNode c = service.get("/api/campaigns").json().get("campaigns").get(0);
        assertThat(c.get("responded").asLong()).isZero();
        assertThat(c.get("read").asLong()).isZero();
        String page = service.get("/status").body();
        assertThat(page).contains("function responseChart(c, reads)").contains("\"data-chart\": \"response-rate\"")
                .contains("if (c.sent > 0) section.appendChild(responseChart(c, reads));")
                .contains("[\"responded\"], ...(reads ? [[\"read\"]] : [])");
    }

    @Test
    void rejectedFilesAreListedNewestFirstWithTheirReason() throws Exception {
        Path errors = Files.createDirectories(work.resolve("inbox/.error"));
        Path older = Files.writeString(errors.resolve("people.csv.error.txt"),
                "inbox/people.csv line 1: no recipient column (id, userPrincipalName, upn, mail or email)\n");
        Files.setLastModifiedTime(older, java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2026-01-01T10:00:00Z")));
        Files.writeString(errors.resolve("big.csv.error.txt"), "x".repeat(5000));
        Files.writeString(errors.resolve("people.csv"), "name,team\n");

        JsonNode rejected = service.get("/api/rejected").json().get("rejected");

        assertThat(rejected).hasSize(2);
        assertThat(rejected.get(0).get("file").asText()).isEqualTo("big.csv");
        assertThat(rejected.get(0).get("reason").asText()).hasSize(RejectedFiles.MAX_REASON_CHARS + 1).endsWith("…");
        assertThat(rejected.get(1).get("file").asText()).isEqualTo("people.csv");
        assertThat(rejected.get(1).get("reason").asText()).startsWith("inbox/people.csv line 1: no recipient column");
        assertThat(rejected.get(1).get("at").asText()).isEqualTo("2026-01-01T10:00:00Z");
    }

    @Test
    void failureCodesGetDistinctColoursThatStandOutOnWhite() throws Exception {
        String page = service.get("/status").body();
        List<String> failed = colours(page, "const FAILED_COLORS = \\[([^\\]]*)]");
        List<String> others = colours(page, "const COLORS = \\{([^}]*)}");
        assertThat(failed).hasSizeGreaterThanOrEqualTo(6);
        for (String c : failed) {
            assertThat(contrastOnWhite(c)).as("contrast of %s on white", c).isGreaterThanOrEqualTo(3.0);
        }
        List<String> all = new java.util.ArrayList<>(failed);
        all.addAll(others);
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                assertThat(labDistance(all.get(i), all.get(j))).as("%s vs %s", all.get(i), all.get(j)).isGreaterThanOrEqualTo(30.0);
            }
        }
    }

    private static List<String> colours(String page, String declaration) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(declaration).matcher(page);
        assertThat(m.find()).as(declaration).isTrue();
        return java.util.regex.Pattern.compile("#[0-9a-fA-F]{6}").matcher(m.group(1)).results()
                .map(java.util.regex.MatchResult::group).toList();
    }

    private static double[] linear(String hex) {
        double[] rgb = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            rgb[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return rgb;
    }

    /** WCAG 2 contrast ratio against white. */
    private static double contrastOnWhite(String hex) {
        double[] c = linear(hex);
        double luminance = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
        return 1.05 / (luminance + 0.05);
    }

    /** CIE76 colour difference (ΔE*ab, D65). */
    private static double labDistance(String a, String b) {
        double[] x = lab(a);
        double[] y = lab(b);
        return Math.sqrt(Math.pow(x[0] - y[0], 2) + Math.pow(x[1] - y[1], 2) + Math.pow(x[2] - y[2], 2));
    }

    private static double[] lab(String hex) {
        double[] c = linear(hex);
        double x = (0.4124 * c[0] + 0.3576 * c[1] + 0.1805 * c[2]) / 0.95047;
        double y = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
        double z = (0.0193 * c[0] + 0.1192 * c[1] + 0.9505 * c[2]) / 1.08883;
        java.util.function.DoubleUnaryOperator f = t -> t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
        return new double[] {116 * f.applyAsDouble(y) - 16, 500 * (f.applyAsDouble(x) - f.applyAsDouble(y)),
                200 * (f.applyAsDouble(y) - f.applyAsDouble(z))};
    }
}
