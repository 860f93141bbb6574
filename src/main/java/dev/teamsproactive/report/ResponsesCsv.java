package dev.teamsproactive.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code reports/<campaignId>/responses.csv}, one row per user and action, and the {@code responded} count in the
 * campaign's summary.json; both replaced atomically, summary.json last.
 */
public final class ResponsesCsv {
    public static final String FILE = "responses.csv";
    static final String[] HEADER = {"recipient", "userId", "action", "values", "respondedAt", "standing"};
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER).get();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One row as the report shows it; {@code recipient} is empty for someone who was not sent the campaign. */
    public record Row(String recipient, String userId, String action, String values, Instant respondedAt, String standing) {
    }

    private ResponsesCsv() {
    }

    /**
     * Writes responses.csv and, when summary.json exists, sets its {@code responded} (and {@code read}, when read
     * receipts are counted: not null); returns that summary's text, or null.
     */
    public static String write(Path reportsDir, String campaignId, List<Row> rows, long responded, Long read)
            throws IOException {
        Path folder = reportsDir.resolve(campaignId);
        AtomicFiles.writeUtf8(folder.resolve(FILE), writer -> {
            try (CSVPrinter csv = new CSVPrinter(writer, FORMAT)) {
                for (Row r : rows) {
                    csv.printRecord(SpreadsheetSafe.cell(r.recipient()), SpreadsheetSafe.cell(r.userId()),
                            SpreadsheetSafe.cell(r.action()), SpreadsheetSafe.cell(r.values()), r.respondedAt().toString(),
                            r.standing());
                }
            }
        });
        Path summaryFile = folder.resolve(ReportWriter.SUMMARY_FILE);
        if (!Files.exists(summaryFile)) {
            return null;
        }
        ObjectNode summary = (ObjectNode) JSON.readTree(summaryFile.toFile());
        summary.put("responded", responded);
        if (read != null) {
            summary.put("read", read);
        }
        String pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary);
        AtomicFiles.writeUtf8(summaryFile, writer -> writer.write(pretty + "\n"));
        return JSON.writeValueAsString(summary);
    }
}
