package dev.teamsproactive.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** SQL for the {@code deliveries} table: one row per recipient row of a campaign. */
final class DeliveriesTable {
    /** Rows fetched per round trip when streaming a campaign's deliveries. */
    static final int FETCH_SIZE = 500;

    private static final String OUTCOME_COLUMNS = "recipient = ?, user_id = COALESCE(?, user_id), status = ?,"
            + " code = ?, detail = ?, conversation_id = ?, activity_id = ?, attempts = ?, updated_at = ?,"
            + " resolved_by = COALESCE(?, resolved_by)";

    private DeliveriesTable() {
    }

    static void insertPending(Connection c, String campaignId, int line, String recipient, Instant now)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO deliveries (campaign_id, line, recipient,"
                + " status, attempts, updated_at) VALUES (?, ?, ?, 'PENDING', 0, ?)")) {
            insert.setString(1, campaignId);
            insert.setInt(2, line);
            insert.setString(3, Columns.clip(nullToEmpty(recipient), 1024));
            Columns.setInstant(insert, 4, now);
            insert.executeUpdate();
        }
    }

    /** The row's stored attempts (0 when there is no row). */
    static int attempts(Connection c, String campaignId, int line) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT attempts FROM deliveries WHERE campaign_id = ? AND line = ?")) {
            select.setString(1, campaignId);
            select.setInt(2, line);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }
    }

    /**
     * PENDING → SENDING, only while {@code leaseOwner} holds the campaign's lease: true for the one caller
     * that may now post this row's message.
     */
    static boolean markSending(Connection c, String campaignId, int line, String leaseOwner, int attempts, Instant now)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE deliveries SET status = 'SENDING', attempts = ?,"
                + " updated_at = ? WHERE campaign_id = ? AND line = ? AND status = 'PENDING' AND EXISTS (SELECT 1"
                + " FROM campaigns WHERE id = ? AND lease_owner = ?)")) {
            update.setInt(1, attempts);
            Columns.setInstant(update, 2, now);
            update.setString(3, campaignId);
            update.setInt(4, line);
            update.setString(5, campaignId);
            update.setString(6, leaseOwner);
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Final rows of the given statuses (and, when {@code codes} is not empty, codes) become PENDING again,
     * keeping their attempts, so the next run sends them once more. Returns how many.
     */
    static int reopen(Connection c, String campaignId, java.util.Set<DeliveryStatus> statuses,
            java.util.Set<String> codes, Instant now) throws SQLException {
        StringBuilder sql = new StringBuilder("UPDATE deliveries SET status = 'PENDING', updated_at = ?"
                + " WHERE campaign_id = ? AND status IN (");
        sql.append(String.join(", ", java.util.Collections.nCopies(statuses.size(), "?"))).append(')');
        if (!codes.isEmpty()) {
            sql.append(" AND code IN (").append(String.join(", ", java.util.Collections.nCopies(codes.size(), "?")))
                    .append(')');
        }
        try (PreparedStatement update = c.prepareStatement(sql.toString())) {
            int i = 1;
            Columns.setInstant(update, i++, now);
            update.setString(i++, campaignId);
            for (DeliveryStatus status : statuses) {
                update.setString(i++, status.name());
            }
            for (String code : codes) {
                update.setString(i++, code);
            }
            return update.executeUpdate();
        }
    }

    static Optional<DeliveryStatus> status(Connection c, String campaignId, int line) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT status FROM deliveries WHERE campaign_id = ? AND line = ?")) {
            select.setString(1, campaignId);
            select.setInt(2, line);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(DeliveryStatus.valueOf(rows.getString(1))) : Optional.empty();
            }
        }
    }

    static void setUserId(Connection c, String campaignId, int line, String userId, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE deliveries SET user_id = ?, updated_at = ? WHERE campaign_id = ? AND line = ?")) {
            update.setString(1, userId);
            Columns.setInstant(update, 2, now);
            update.setString(3, campaignId);
            update.setInt(4, line);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("line " + line + " of campaign " + campaignId
                        + " was never claimed (claimRow comes first)");
            }
        }
    }

    /**
     * An update writing an outcome over a PENDING or SENDING row (bind with {@link #bindOutcome}); it changes
     * one row exactly when that row just became final.
     */
    static PreparedStatement prepareFinishPending(Connection c) throws SQLException {
        return c.prepareStatement("UPDATE deliveries SET " + OUTCOME_COLUMNS
                + " WHERE campaign_id = ? AND line = ? AND status IN ('PENDING', 'SENDING')");
    }

    /**
     * Writes an outcome over an earlier final status (for example IN_DOUBT settled later). A SENT
     * row is never overwritten: the message went out, whatever a later attempt says.
     */
    static boolean replaceFinal(Connection c, Outcome o, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE deliveries SET " + OUTCOME_COLUMNS
                + " WHERE campaign_id = ? AND line = ? AND status NOT IN ('PENDING', 'SENDING', 'SENT')")) {
            bindOutcome(update, o, now);
            return update.executeUpdate() == 1;
        }
    }

    /** Inserts an outcome for a row nobody claimed; false when the row exists after all (it is SENT). */
    static boolean insertFinal(Connection c, Outcome o, Instant now) throws SQLException {
        if (status(c, o.campaignId(), o.line()).isPresent()) {
            return false;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO deliveries (recipient, user_id, status, code,"
                + " detail, conversation_id, activity_id, attempts, updated_at, resolved_by, campaign_id, line)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindOutcome(insert, o, now);
            return insert.executeUpdate() == 1;
        }
    }

    /** Binds the outcome's columns in the order of {@link #OUTCOME_COLUMNS}, then campaign id and line. */
    static void bindOutcome(PreparedStatement statement, Outcome o, Instant now) throws SQLException {
        statement.setString(1, Columns.clip(nullToEmpty(o.recipient()), 1024));
        statement.setString(2, Columns.clip(o.userId(), 256));
        statement.setString(3, o.status().name());
        statement.setString(4, Columns.clip(o.code(), 128));
        statement.setString(5, Columns.clip(o.detail(), 2048));
        statement.setString(6, Columns.clip(o.conversationId(), 512));
        statement.setString(7, Columns.clip(o.activityId(), 512));
        statement.setInt(8, o.attempts());
        Columns.setInstant(statement, 9, now);
        statement.setString(10, Columns.clip(o.resolvedBy(), 16));
        statement.setString(11, o.campaignId());
        statement.setInt(12, o.line());
    }

    static Map<DeliveryStatus, Long> countByStatus(Connection c, String campaignId) throws SQLException {
        Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
        for (DeliveryStatus status : DeliveryStatus.values()) {
            counts.put(status, 0L);
        }
        try (PreparedStatement select = c.prepareStatement(
                "SELECT status, COUNT(*) FROM deliveries WHERE campaign_id = ? GROUP BY status")) {
            select.setString(1, campaignId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(DeliveryStatus.valueOf(rows.getString(1)), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    /** How often each code occurs among the rows that were not sent, most frequent first. */
    static Map<String, Long> countFailureCodes(Connection c, String campaignId) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT code, COUNT(*) AS n FROM deliveries"
                + " WHERE campaign_id = ? AND status NOT IN ('SENT', 'PENDING', 'SENDING') AND code IS NOT NULL"
                + " GROUP BY code ORDER BY n DESC, code")) {
            select.setString(1, campaignId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    static void forEach(Connection c, String campaignId, Consumer<DeliveryRow> consumer) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT line, recipient, user_id, status, code, detail,"
                + " conversation_id, activity_id, attempts, updated_at, resolved_by, read_at FROM deliveries WHERE campaign_id = ?"
                + " ORDER BY line")) {
            select.setFetchSize(FETCH_SIZE);
            select.setString(1, campaignId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(new DeliveryRow(rows.getInt("line"), rows.getString("recipient"),
                            rows.getString("user_id"), DeliveryStatus.valueOf(rows.getString("status")),
                            rows.getString("code"), rows.getString("detail"), rows.getString("conversation_id"),
                            rows.getString("activity_id"), rows.getInt("attempts"),
                            Columns.getInstant(rows, "updated_at"), rows.getString("resolved_by"),
                            Columns.getInstant(rows, "read_at")));
                }
            }
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
