package dev.teamsproactive.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report of an update or a recall of a campaign's sent messages: {@code reports/<campaignId>/<action>.csv}
 * (one row per message, in the order they finished) and {@code <action>-summary.json}. A later run of the same action
 * never overwrites an earlier one's report: it writes {@code <action>-2.csv} and {@code <action>-2-summary.json},
 * then {@code -3} and so on. Rows are written as they come, so a million messages never sit in memory; the CSV
 * appears under its name only when complete.
 */
public final class FollowUpReport {
    /** What became of one message. */
    public enum Status {
        /** Deleted (recall) or replaced (update) now. */
        DONE,
        /** Recall only: the Bot Connector no longer knows the message (recalled before, or deleted in Teams). */
        GONE,
        FAILED
    }

    static final String[] HEADER = {"recipient", "userId", "status", "code", "detail", "conversationId", "activityId",
            "updatedAt"};
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String campaignId;
    private final String action;
    private final String template;
    private final Path target;
    private final Path temporary;
    private final Path summaryFile;
    private final CSVPrinter csv;
    private final Instant startedAt = Instant.now();
    private final Map<Status, Long> counts = new TreeMap<>();
    private final Map<String, Long> byCode = new TreeMap<>();

    /**
     * @param action   "recall" or "update": names the files and the summary's action
     * @param template the template of an update, null for a recall
     */
    public FollowUpReport(Path reportsDir, String campaignId, String action, String template) throws IOException {
        this.campaignId = campaignId;
        this.action = action;
        this.template = template;
        Path dir = reportsDir.resolve(campaignId);
        Files.createDirectories(dir);
        String name = unusedName(dir, action);
        this.target = dir.resolve(name + ".csv");
        this.summaryFile = dir.resolve(name + "-summary.json");
        this.temporary = Files.createTempFile(dir, "." + action, ".csv.tmp");
        this.csv = new CSVPrinter(Files.newBufferedWriter(temporary, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader(HEADER).get());
        for (Status s : Status.values()) {
            counts.put(s, 0L);
        }
    }

    /** {@code recall} for the first recall, then {@code recall-2}, {@code recall-3} …: the first name no file has. */
    private static String unusedName(Path dir, String action) {
        String name = action;
        for (int n = 2; Files.exists(dir.resolve(name + ".csv")) || Files.exists(dir.resolve(name + "-summary.json")); n++) {
            name = action + "-" + n;
        }
        return name;
    }

    public synchronized void record(String recipient, String userId, Status status, String code, String detail,
            String conversationId, String activityId) {
        counts.merge(status, 1L, Long::sum);
        if (status == Status.FAILED && code != null) {
            byCode.merge(code, 1L, Long::sum);
        }
        try {
            csv.printRecord(SpreadsheetSafe.cell(recipient), SpreadsheetSafe.cell(userId), status.name(),
                    SpreadsheetSafe.cell(code), SpreadsheetSafe.cell(detail), SpreadsheetSafe.cell(conversationId),
                    SpreadsheetSafe.cell(activityId), Instant.now().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the CSV, writes the summary and returns it as one line of JSON. */
    public synchronized String finish(long throttled) throws IOException {
        csv.close();
        Files.move(temporary, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Instant finishedAt = Instant.now();
        ObjectNode summary = JSON.createObjectNode();
        summary.put("campaignId", campaignId);
        summary.put("action", action);
        if (template != null) {
            summary.put("template", template);
        }
        summary.put("total", counts.values().stream().mapToLong(Long::longValue).sum());
        summary.put("recall".equals(action) ? "recalled" : "updated", counts.get(Status.DONE));
        if ("recall".equals(action)) {
            summary.put("alreadyGone", counts.get(Status.GONE));
        }
        summary.put("failed", counts.get(Status.FAILED));
        summary.put("startedAt", startedAt.toString());
        summary.put("finishedAt", finishedAt.toString());
        summary.put("durationMs", Duration.between(startedAt, finishedAt).toMillis());
        summary.put("throttled", throttled);
        summary.put("report", target.getFileName().toString());
        ObjectNode codes = summary.putObject("byCode");
        byCode.forEach(codes::put);
        AtomicFiles.writeUtf8(summaryFile, w -> w.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary) + "\n"));
        return JSON.writeValueAsString(summary);
    }

    /** Drops the unfinished CSV (the run failed before its end). */
    public synchronized void abandon() {
        try {
            csv.close();
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // Nothing more to clean.
        }
    }
}
