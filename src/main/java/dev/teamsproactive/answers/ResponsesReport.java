package dev.teamsproactive.answers;

import dev.teamsproactive.ledger.Ledger;
import dev.teamsproactive.report.ReportWriter;
import dev.teamsproactive.report.ResponsesCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code reports/<campaignId>/responses.csv} and summary.json's {@code responded} up to date: once when the
 * campaign's report is written, then for each campaign that got answers since the last flush (a timer in
 * routes/8-answers.camel.yaml), so a burst of answers rewrites each report once, not once per answer.
 */
public final class ResponsesReport {
    private static final Logger LOG = LoggerFactory.getLogger(ResponsesReport.class);
    private final ResponsesTable responses;
    private final Path reportsDir;
    private final Ledger ledger;
    /** teams.read-receipts.enabled: summary.json counts the recipients who read the message ({@code read}). */
    private final boolean readReceipts;
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private final Set<String> readChanged = ConcurrentHashMap.newKeySet();

    public ResponsesReport(ResponsesTable responses, Path reportsDir, Ledger ledger, boolean readReceipts) {
        this.responses = responses;
        this.reportsDir = reportsDir;
        this.ledger = ledger;
        this.readReceipts = readReceipts;
    }

    /** A campaign got an answer; its report is rewritten at the next flush. */
    void changed(String campaignId) {
        changed.add(campaignId);
    }

    /** A campaign's message was read; deliveries.csv (readAt) and the summary are rewritten at the next flush. */
    void readChanged(String campaignId) {
        readChanged.add(campaignId);
        changed.add(campaignId);
    }

    /** After the campaign's report: adds responses.csv and the count; the body (the summary) gains {@code responded}. */
    public void write(Exchange exchange) throws IOException {
        String campaignId = exchange.getProperty("campaignId", String.class);
        String summary = write(campaignId);
        if (summary != null) {
            exchange.getMessage().setBody(summary);
        }
    }

    /** Rewrites the reports of the campaigns that got answers since the last flush. */
    public void flush() {
        for (String campaignId : List.copyOf(changed)) {
            changed.remove(campaignId);
            if (!Files.isDirectory(reportsDir.resolve(campaignId))) {
                // Still running: its report, when written, will hold the answers so far.
                continue;
            }
            try {
                if (readChanged.remove(campaignId)) {
                    ReportWriter.write(ledger, campaignId, reportsDir);
                }
                write(campaignId);
            } catch (IOException | RuntimeException e) {
                changed.add(campaignId);
                LOG.warn("The responses of campaign {} could not be written to its report yet: {}", campaignId, e.getMessage());
            }
        }
    }

    private String write(String campaignId) throws IOException {
        return ResponsesCsv.write(reportsDir, campaignId, responses.reportRows(campaignId),
                responses.respondedRecipients(campaignId), readReceipts ? responses.readRecipients(campaignId) : null);
    }
}
