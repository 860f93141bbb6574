package dev.teamsproactive.report;

import java.nio.file.Path;

/** Where a campaign's report was written, and its summary. */
public record Report(Path directory, Path deliveriesCsv, Path summaryJson, CampaignSummary summary) {
}
