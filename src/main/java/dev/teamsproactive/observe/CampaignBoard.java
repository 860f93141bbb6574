package dev.teamsproactive.observe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Read-only questions to the ledger for the status page, the {@code status} command and the progress lines:
 * the latest campaigns with their counts, and how one campaign's outcomes grew over time. Plain SQL that runs
 * on H2 and PostgreSQL alike; nothing here writes.
 */
public final class CampaignBoard {
    /** The status page and {@code status} list at most this many campaigns, newest first. */
    public static final int LATEST = 50;
    private static final int TIMELINE_POINTS = 60;
    private static final String FAILED = "FAILED:";
    private static final String CAMPAIGN_COLUMNS =
            "id, source, template, total, status, started_at, finished_at, throttled, failure, lease_expires_at"
                    + " FROM campaigns";
    private final DataSource ledger;

    public CampaignBoard(DataSource ledger) {
        this.ledger = ledger;
    }

    /** The latest campaigns, newest first. */
    public List<CampaignView> latest() {
        return read(c -> {
            List<CampaignView> out = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT " + CAMPAIGN_COLUMNS
                    + " ORDER BY started_at DESC, id DESC FETCH FIRST " + LATEST + " ROWS ONLY");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    out.add(view(c, rows));
                }
            }
            return out;
        });
    }

    /** The campaigns a live run holds (RUNNING, not INTERRUPTED), oldest first. */
    public List<CampaignView> running() {
        return read(c -> {
            List<CampaignView> out = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT " + CAMPAIGN_COLUMNS
                    + " WHERE status = 'RUNNING' ORDER BY started_at, id");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    CampaignView view = view(c, rows);
                    if (view.running()) {
                        out.add(view);
                    }
                }
            }
            return out;
        });
    }

    public Optional<CampaignView> find(String campaignId) {
        return read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + CAMPAIGN_COLUMNS + " WHERE id = ?")) {
                select.setString(1, campaignId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(view(c, rows)) : Optional.<CampaignView>empty();
                }
            }
        });
    }

    /**
     * The campaign's outcomes at evenly spaced points between its start and its end ({@code now} while it runs).
     * Reads the rows once, streaming, into a fixed number of buckets: a campaign of any size costs the same memory.
     */
    public Timeline timeline(CampaignView campaign, Instant now) {
        Instant from = campaign.startedAt();
        Instant to = campaign.finishedAt() != null ? campaign.finishedAt() : now;
        long span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
        List<Map<String, Long>> buckets = new ArrayList<>();
        for (int i = 0; i < TIMELINE_POINTS; i++) {
            buckets.add(new TreeMap<>());
        }
        read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT updated_at, status, code FROM deliveries"
                    + " WHERE campaign_id = ? AND status NOT IN ('PENDING', 'SENDING')")) {
                select.setString(1, campaign.id());
                select.setFetchSize(1000);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        long at = rows.getObject(1, OffsetDateTime.class).toInstant().toEpochMilli() - from.toEpochMilli();
                        int i = (int) Math.min(TIMELINE_POINTS - 1, Math.max(0, at * TIMELINE_POINTS / span));
                        buckets.get(i).merge(kindOf(rows.getString(2), rows.getString(3)), 1L, Long::sum);
                    }
                }
            }
            return null;
        });
        List<Timeline.Point> points = new ArrayList<>();
        Map<String, Long> total = new TreeMap<>();
        for (int i = 0; i < TIMELINE_POINTS; i++) {
            buckets.get(i).forEach((kind, n) -> total.merge(kind, n, Long::sum));
            Map<String, Long> failed = new TreeMap<>();
            total.forEach((kind, n) -> {
                if (kind.startsWith(FAILED)) {
                    failed.put(kind.substring(FAILED.length()), n);
                }
            });
            points.add(new Timeline.Point(from.plusMillis(span * (i + 1) / TIMELINE_POINTS), total.getOrDefault("SENT", 0L),
                    total.getOrDefault("IN_DOUBT", 0L), total.getOrDefault("SKIPPED", 0L), failed));
        }
        return new Timeline(from, to, points);
    }

    private static String kindOf(String status, String code) {
        return "FAILED".equals(status) ? FAILED + (code == null ? "" : code) : status;
    }

    private static CampaignView view(Connection c, ResultSet row) throws SQLException {
        String id = row.getString("id");
        long sent = 0, failed = 0, inDoubt = 0, skipped = 0;
        Map<String, Long> failedByCode = new TreeMap<>();
        try (PreparedStatement counts = c.prepareStatement("SELECT status, code, COUNT(*) FROM deliveries"
                + " WHERE campaign_id = ? AND status NOT IN ('PENDING', 'SENDING') GROUP BY status, code")) {
            counts.setString(1, id);
            try (ResultSet rows = counts.executeQuery()) {
                while (rows.next()) {
                    long n = rows.getLong(3);
                    switch (rows.getString(1)) {
                        case "SENT" -> sent += n;
                        case "IN_DOUBT" -> inDoubt += n;
                        case "SKIPPED" -> skipped += n;
                        default -> {
                            failed += n;
                            failedByCode.merge(rows.getString(2) == null ? "" : rows.getString(2), n, Long::sum);
                        }
                    }
                }
            }
        }
        OffsetDateTime finished = row.getObject("finished_at", OffsetDateTime.class);
        // RUNNING in the ledger, but the lease a run took has lapsed or was given back: the run was killed or stopped
        // (it resumes later). A campaign no run has leased yet is just starting.
        OffsetDateTime leaseExpires = row.getObject("lease_expires_at", OffsetDateTime.class);
        String status = row.getString("status");
        if ("RUNNING".equals(status) && leaseExpires != null && !leaseExpires.toInstant().isAfter(Instant.now())) {
            status = "INTERRUPTED";
        }
        return new CampaignView(id, row.getString("source"), row.getString("template"), status,
                row.getLong("total"), sent + failed + inDoubt + skipped, sent, failed, inDoubt, skipped,
                row.getLong("throttled"), row.getObject("started_at", OffsetDateTime.class).toInstant(),
                finished == null ? null : finished.toInstant(), sortedByCount(failedByCode), row.getString("failure"),
                count(c, RESPONDED, id), count(c, READ, id));
    }

    /** The campaign's recipients who answered, each once (as summary.json's responded). */
    private static final String RESPONDED = "SELECT COUNT(DISTINCT user_id) FROM responses WHERE campaign_id = ?"
            + " AND standing = 'RECIPIENT'";
    /** The campaign's messages a read receipt marked read (as summary.json's read). */
    private static final String READ = "SELECT COUNT(*) FROM deliveries WHERE campaign_id = ? AND read_at IS NOT NULL";

    private static long count(Connection c, String sql, String campaignId) throws SQLException {
        try (PreparedStatement count = c.prepareStatement(sql)) {
            count.setString(1, campaignId);
            try (ResultSet rows = count.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    private static Map<String, Long> sortedByCount(Map<String, Long> byCode) {
        Map<String, Long> out = new LinkedHashMap<>();
        byCode.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private interface Query<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(Query<T> query) {
        try (Connection c = ledger.getConnection()) {
            try {
                return query.run(c);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the ledger failed: " + e.getMessage(), e);
        }
    }
}
