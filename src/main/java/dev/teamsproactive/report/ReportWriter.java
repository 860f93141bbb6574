package dev.teamsproactive.report;

import dev.teamsproactive.ledger.CampaignIds;
import dev.teamsproactive.ledger.Ledger;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes {@code <reportsDir>/<campaignId>/deliveries.csv} and {@code summary.json} from the ledger.
 * Each file is replaced atomically, and summary.json is written last, so a reader that sees the
 * summary also sees the complete deliveries of the same run.
 */
public final class ReportWriter {
    public static final String DELIVERIES_FILE = "deliveries.csv";
    public static final String SUMMARY_FILE = "summary.json";

    private ReportWriter() {
    }

    public static Report write(Ledger ledger, String campaignId, Path reportsDir) throws IOException {
        if (!CampaignIds.isSafe(campaignId)) {
            // The id becomes a folder name: never let it climb out of reportsDir.
            throw new IllegalArgumentException("not a campaign id: " + campaignId);
        }
        CampaignSummary summary = CampaignSummary.of(ledger, campaignId);
        Path directory = reportsDir.resolve(campaignId);
        Path deliveries = directory.resolve(DELIVERIES_FILE);
        Path summaryFile = directory.resolve(SUMMARY_FILE);
        AtomicFiles.writeUtf8(deliveries, writer -> DeliveriesCsv.write(ledger, campaignId, writer));
        AtomicFiles.writeUtf8(summaryFile, writer -> writer.write(summary.toPrettyJson() + "\n"));
        return new Report(directory, deliveries, summaryFile, summary);
    }
}
