package dev.teamsproactive.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** A campaign's report as what two runs of the same rows must share: every column but ids and times. */
public final class Reports {
    /** What differs between two runs of the same rows: the chat's and message's ids, the time (and request ids). */
    private static final Set<String> RUN_SPECIFIC = Set.of("conversationId", "activityId", "updatedAt");

    private Reports() {
    }

    /**
     * The deliveries.csv rows, each as column → value without the run-specific columns; compare them in any order
     * (of two rows for the same person, either may be the one sent).
     */
    public static List<Map<String, String>> deliveries(Path campaignFolder) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(campaignFolder.resolve("deliveries.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                Map<String, String> row = new LinkedHashMap<>(record.toMap());
                row.keySet().removeAll(RUN_SPECIFIC);
                // Graph's request ids name one call: each run has its own.
                row.computeIfPresent("detail", (column, detail) -> detail.replaceAll("\\(request-id [^)]*\\)", "(request-id …)")
                        // Of two rows for one person, the one whose claim wins is sent, in parallel: either may be.
                        .replaceAll("^The same user as line \\d+$", "The same user as line …"));
                rows.add(row);
            }
        }
        return rows;
    }

    /** The summary's counts: total, sent, failed, inDoubt, skipped and byCode. */
    public static Map<String, JsonNode> counts(Path campaignFolder) throws IOException {
        JsonNode summary = new ObjectMapper().readTree(campaignFolder.resolve("summary.json").toFile());
        Map<String, JsonNode> counts = new LinkedHashMap<>();
        for (String field : List.of("total", "sent", "failed", "inDoubt", "skipped", "byCode")) {
            counts.put(field, summary.path(field));
        }
        return counts;
    }
}
