package dev.teamsproactive.report;

import dev.teamsproactive.ledger.DeliveryRow;
import dev.teamsproactive.ledger.Ledger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code deliveries.csv}: one RFC 4180 row per recipient row of the campaign, in source order. Columns added later
 * ({@code resolvedBy}, {@code readAt}) come after the first ones, so readers of those keep working.
 */
final class DeliveriesCsv {
    static final String[] HEADER = {"recipient", "userId", "status", "code", "detail", "conversationId",
            "activityId", "attempts", "updatedAt", "resolvedBy", "readAt"};

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER).get();

    private DeliveriesCsv() {
    }

    static void write(Ledger ledger, String campaignId, Writer writer) throws IOException {
        try (CSVPrinter csv = new CSVPrinter(writer, FORMAT)) {
            try {
                ledger.forEachDelivery(campaignId, row -> print(csv, row));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    private static void print(CSVPrinter csv, DeliveryRow row) {
        try {
            csv.printRecord(
                    SpreadsheetSafe.cell(row.recipient()),
                    SpreadsheetSafe.cell(row.userId()),
                    row.status().name(),
                    SpreadsheetSafe.cell(row.code()),
                    SpreadsheetSafe.cell(row.detail()),
                    SpreadsheetSafe.cell(row.conversationId()),
                    SpreadsheetSafe.cell(row.activityId()),
                    row.attempts(),
                    iso(row.updatedAt()),
                    row.resolvedBy(),
                    iso(row.readAt()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
