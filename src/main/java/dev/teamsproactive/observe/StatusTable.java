package dev.teamsproactive.observe;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code status} command's table: one line per campaign, from the JSON of GET /api/campaigns. */
public final class StatusTable {
    private StatusTable() {
    }

    public static List<String> lines(JsonNode campaignsJson) {
        List<String> out = new ArrayList<>();
        JsonNode list = campaignsJson.path("campaigns");
        if (list.isEmpty()) {
            out.add("No campaigns in the ledger yet.");
            return out;
        }
        // READ only once read receipts came in (teams.read-receipts.enabled): otherwise it would say 0 for everyone.
        boolean reads = false;
        for (JsonNode c : list) {
            reads |= c.path("read").asLong() > 0;
        }
        String readHeader = reads ? String.format(Locale.ROOT, " %7s", "READ") : "";
        out.add(String.format(Locale.ROOT, "%-40s %-11s %15s %7s %7s %8s %7s %9s%s  %-20s %s", "CAMPAIGN", "STATUS",
                "DONE", "SENT", "FAILED", "INDOUBT", "SKIPPED", "RESPONDED", readHeader, "STARTED", "TOOK"));
        for (JsonNode c : list) {
            String read = reads ? String.format(Locale.ROOT, " %7d", c.path("read").asLong()) : "";
            out.add(String.format(Locale.ROOT, "%-40s %-11s %15s %7d %7d %8d %7d %9d%s  %-20s %s", c.path("id").asText(),
                    c.path("status").asText(), c.path("done").asLong() + "/" + c.path("total").asLong(),
                    c.path("sent").asLong(), c.path("failed").asLong(), c.path("inDoubt").asLong(),
                    c.path("skipped").asLong(), c.path("responded").asLong(), read,
                    c.path("startedAt").asText().replaceFirst("\\.\\d+Z$", "Z"), took(c)));
            if (c.path("failure").isTextual()) {
                out.add("    failed: " + c.path("failure").asText());
            }
            String codes = codes(c.path("failedByCode"));
            if (!codes.isEmpty()) {
                out.add("    failed by code: " + codes);
            }
        }
        return out;
    }

    private static String took(JsonNode c) {
        if (!c.path("finishedAt").isTextual()) {
            return "INTERRUPTED".equals(c.path("status").asText()) ? "interrupted (resumes when started again)" : "running";
        }
        Duration d = Duration.between(Instant.parse(c.path("startedAt").asText()), Instant.parse(c.path("finishedAt").asText()));
        return d.toMillis() < 120_000 ? String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0)
                : ProgressLog.duration(d.toSeconds());
    }

    private static String codes(JsonNode byCode) {
        StringBuilder s = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = byCode.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            s.append(s.length() == 0 ? "" : ", ").append(e.getKey().isEmpty() ? "(none)" : e.getKey()).append(' ')
                    .append(e.getValue().asLong());
        }
        return s.toString();
    }
}
