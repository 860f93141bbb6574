package dev.teamsproactive.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** SQL for the {@code campaigns} table. */
final class CampaignsTable {
    private static final String COLUMNS = "id, source, template, total, status, started_at, finished_at, throttled";

    private CampaignsTable() {
    }

    static void insert(Connection c, String id, String source, String template, long total, Instant startedAt)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO campaigns (id, source, template, total, status,"
                + " started_at, throttled, done_rows) VALUES (?, ?, ?, ?, 'RUNNING', ?, 0, 0)")) {
            insert.setString(1, id);
            insert.setString(2, Columns.clip(source, 1024));
            insert.setString(3, Columns.clip(template, 256));
            insert.setLong(4, total);
            Columns.setInstant(insert, 5, startedAt);
            insert.executeUpdate();
        }
    }

    static Optional<Campaign> find(Connection c, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM campaigns WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Campaign(rows.getString("id"), rows.getString("source"),
                        rows.getString("template"), rows.getLong("total"),
                        CampaignStatus.valueOf(rows.getString("status")), Columns.getInstant(rows, "started_at"),
                        Columns.getInstant(rows, "finished_at"), rows.getLong("throttled")));
            }
        }
    }

    static long total(Connection c, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT total FROM campaigns WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalArgumentException("no campaign " + id);
                }
                return rows.getLong(1);
            }
        }
    }

    static boolean isComplete(Connection c, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT done_rows >= total FROM campaigns WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    static void addDoneRows(Connection c, String id, long n) throws SQLException {
        update(c, "UPDATE campaigns SET done_rows = done_rows + ? WHERE id = ?", n, id);
    }

    static void addThrottled(Connection c, String id, long n) throws SQLException {
        update(c, "UPDATE campaigns SET throttled = throttled + ? WHERE id = ?", n, id);
    }

    static void setTotal(Connection c, String id, long total) throws SQLException {
        update(c, "UPDATE campaigns SET total = ? WHERE id = ?", total, id);
    }

    /** A finished campaign runs again (a resend): RUNNING, no finish time, {@code n} fewer rows done. */
    static void reopen(Connection c, String id, long n) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE campaigns SET status = 'RUNNING', finished_at = NULL,"
                + " done_rows = done_rows - ? WHERE id = ?")) {
            update.setLong(1, n);
            update.setString(2, id);
            update.executeUpdate();
        }
    }

    /** Flips RUNNING to FINISHED; true only for the one transaction that did it. */
    static boolean finish(Connection c, String id, Instant finishedAt) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE campaigns SET status = 'FINISHED', finished_at = ? WHERE id = ? AND status = 'RUNNING'")) {
            Columns.setInstant(update, 1, finishedAt);
            update.setString(2, id);
            return update.executeUpdate() == 1;
        }
    }

    /** Flips RUNNING to FAILED with its reason; true only for the one transaction that did it. */
    static boolean fail(Connection c, String id, String reason, Instant failedAt) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE campaigns SET status = 'FAILED', finished_at = ?,"
                + " failure = ? WHERE id = ? AND status = 'RUNNING'")) {
            Columns.setInstant(update, 1, failedAt);
            update.setString(2, Columns.clip(reason, 1024));
            update.setString(3, id);
            return update.executeUpdate() == 1;
        }
    }

    /** A FAILED campaign started again is RUNNING again (its rows are as they were). */
    static void restartFailed(Connection c, String id) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE campaigns SET status = 'RUNNING', finished_at = NULL,"
                + " failure = NULL WHERE id = ? AND status = 'FAILED'")) {
            update.setString(1, id);
            update.executeUpdate();
        }
    }

    /**
     * A run starts working on the campaign. A run that died without ending its interval (no release) is counted up
     * to {@code deadRunEnd} (its lease's expiry, or now): at most one lease period too long.
     */
    static void startRun(Connection c, String id, Instant now, Instant deadRunEnd) throws SQLException {
        endRun(c, id, deadRunEnd.isAfter(now) ? now : deadRunEnd);
        try (PreparedStatement update = c.prepareStatement("UPDATE campaigns SET run_started_at = ? WHERE id = ?")) {
            Columns.setInstant(update, 1, now);
            update.setString(2, id);
            update.executeUpdate();
        }
    }

    /** The current run stops working on the campaign: its interval is added to run_ms. */
    static void endRun(Connection c, String id, Instant now) throws SQLException {
        Instant started = null;
        try (PreparedStatement select = c.prepareStatement("SELECT run_started_at FROM campaigns WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    started = Columns.getInstant(rows, "run_started_at");
                }
            }
        }
        if (started == null) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE campaigns SET run_ms = run_ms + ?, run_started_at = NULL WHERE id = ?")) {
            update.setLong(1, Math.max(0, now.toEpochMilli() - started.toEpochMilli()));
            update.setString(2, id);
            update.executeUpdate();
        }
    }

    /** The time runs worked on the campaign up to {@code until}; null when no run was ever recorded. */
    static Long runMillis(Connection c, String id, Instant until) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT run_ms, run_started_at FROM campaigns WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                long done = rows.getLong("run_ms");
                Instant started = Columns.getInstant(rows, "run_started_at");
                if (started == null) {
                    return done == 0 ? null : done;
                }
                return done + Math.max(0, until.toEpochMilli() - started.toEpochMilli());
            }
        }
    }

    private static void update(Connection c, String sql, long n, String id) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(sql)) {
            update.setLong(1, n);
            update.setString(2, id);
            if (update.executeUpdate() != 1) {
                throw new IllegalArgumentException("no campaign " + id);
            }
        }
    }
}
