package dev.teamsproactive.answers;

import dev.teamsproactive.ledger.Ledger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * SQL for the ledger's {@code responses} table (migration V4): first-wins per campaign, user and action. A response
 * is written through the ledger's group commit, so it is durable (on H2 too) before the endpoint answers, and a burst
 * of answers shares commits; the lookups before it read through the ledger's primary keys only, so an answer costs
 * the same in a campaign of any size.
 */
public final class ResponsesTable {
    private final Ledger writes;
    private final DataSource ledger;

    public ResponsesTable(Ledger ledger) {
        this.writes = ledger;
        this.ledger = ledger.dataSource();
    }

    /** The recorded response: this one when it is the first, else the one that was first. */
    public Response recordFirst(String campaignId, String userId, String action, String values, String activityId) {
        Response.Standing standing;
        try (Connection c = ledger.getConnection()) {
            standing = standing(c, campaignId, userId);
        } catch (SQLException e) {
            throw new IllegalStateException("The ledger could not record a response: " + e.getMessage(), e);
        }
        Instant now = Instant.now();
        boolean first = writes.insertFirst(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO responses (campaign_id, user_id, action,"
                    + " answer_values, activity_id, standing, responded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, campaignId);
                insert.setString(2, userId);
                insert.setString(3, action);
                insert.setString(4, values);
                insert.setString(5, activityId);
                insert.setString(6, standing.name());
                insert.setTimestamp(7, Timestamp.from(now));
                insert.executeUpdate();
            }
        });
        if (first) {
            return new Response(campaignId, userId, action, values, activityId, standing, now);
        }
        try (Connection c = ledger.getConnection()) {
            return find(c, campaignId, userId, action).orElseThrow(() -> new IllegalStateException(
                    "a response of " + userId + " to " + campaignId + " was reported present and is not"));
        } catch (SQLException e) {
            throw new IllegalStateException("The ledger could not record a response: " + e.getMessage(), e);
        }
    }

    /**
     * The campaign whose SENT message has this activity id in this conversation (what a card action replies to); for a
     * reminder's message, the campaign it reminds of (an answer to the reminder is an answer to that campaign).
     */
    public Optional<String> campaignOfMessage(String conversationId, String activityId) {
        if (conversationId == null || activityId == null) {
            return Optional.empty();
        }
        try (Connection c = ledger.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT COALESCE(c.reminder_of, d.campaign_id) FROM deliveries d JOIN campaigns c ON c.id = d.campaign_id"
                        + " WHERE d.conversation_id = ? AND d.activity_id = ?")) {
            select.setString(1, conversationId);
            select.setString(2, activityId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The ledger could not find a message's campaign: " + e.getMessage(), e);
        }
    }

    /** A campaign's responses, in the order they came. */
    public List<Response> ofCampaign(String campaignId) {
        List<Response> all = new ArrayList<>();
        try (Connection c = ledger.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT campaign_id, user_id, action, answer_values, activity_id, standing, responded_at FROM responses"
                        + " WHERE campaign_id = ? ORDER BY responded_at, user_id, action")) {
            select.setString(1, campaignId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    all.add(row(rows));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The ledger could not list responses: " + e.getMessage(), e);
        }
        return all;
    }

    /** The campaign's responses as its report lists them, each with the recipient as the campaign's file wrote it. */
    public List<dev.teamsproactive.report.ResponsesCsv.Row> reportRows(String campaignId) {
        List<dev.teamsproactive.report.ResponsesCsv.Row> all = new ArrayList<>();
        try (Connection c = ledger.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT COALESCE((SELECT MIN(d.recipient) FROM campaign_user_claims h JOIN deliveries d"
                        + " ON d.campaign_id = h.campaign_id AND d.line = h.line WHERE h.campaign_id = r.campaign_id"
                        + " AND h.user_id = LOWER(r.user_id) AND d.status = 'SENT'), ''),"
                        + " r.user_id, r.action, r.answer_values, r.responded_at, r.standing FROM responses r"
                        + " WHERE r.campaign_id = ? ORDER BY r.responded_at, r.user_id, r.action")) {
            select.setString(1, campaignId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    all.add(new dev.teamsproactive.report.ResponsesCsv.Row(rows.getString(1), rows.getString(2),
                            rows.getString(3), rows.getString(4), rows.getTimestamp(5).toInstant(), rows.getString(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The ledger could not list responses: " + e.getMessage(), e);
        }
        return all;
    }

    /** How many of the campaign's recipients answered at all (each counted once, whatever they pressed). */
    public long respondedRecipients(String campaignId) {
        return count("SELECT COUNT(DISTINCT user_id) FROM responses WHERE campaign_id = ? AND standing = 'RECIPIENT'",
                campaignId, "responses");
    }

    /** How many of the campaign's recipients read its message (read receipts). */
    public long readRecipients(String campaignId) {
        return count("SELECT COUNT(*) FROM deliveries WHERE campaign_id = ? AND read_at IS NOT NULL", campaignId, "reads");
    }

    private long count(String sql, String campaignId, String what) {
        try (Connection c = ledger.getConnection(); PreparedStatement count = c.prepareStatement(sql)) {
            count.setString(1, campaignId);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The ledger could not count " + what + ": " + e.getMessage(), e);
        }
    }

    private static Response.Standing standing(Connection c, String campaignId, String userId) throws SQLException {
        try (PreparedStatement campaign = c.prepareStatement("SELECT 1 FROM campaigns WHERE id = ?")) {
            campaign.setString(1, campaignId);
            try (ResultSet rows = campaign.executeQuery()) {
                if (!rows.next()) {
                    return Response.Standing.UNKNOWN_CAMPAIGN;
                }
            }
        }
        // The line that holds the user in the campaign (user ids are kept lower-case there), through both primary keys.
        try (PreparedStatement sent = c.prepareStatement("SELECT 1 FROM campaign_user_claims h JOIN deliveries d"
                + " ON d.campaign_id = h.campaign_id AND d.line = h.line"
                + " WHERE h.campaign_id = ? AND h.user_id = ? AND d.status = 'SENT'")) {
            sent.setString(1, campaignId);
            sent.setString(2, userId.toLowerCase(Locale.ROOT));
            try (ResultSet rows = sent.executeQuery()) {
                return rows.next() ? Response.Standing.RECIPIENT : Response.Standing.NOT_RECIPIENT;
            }
        }
    }

    private static Optional<Response> find(Connection c, String campaignId, String userId, String action) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT campaign_id, user_id, action, answer_values, activity_id,"
                + " standing, responded_at FROM responses WHERE campaign_id = ? AND user_id = ? AND action = ?")) {
            select.setString(1, campaignId);
            select.setString(2, userId);
            select.setString(3, action);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(row(rows)) : Optional.empty();
            }
        }
    }

    private static Response row(ResultSet rows) throws SQLException {
        return new Response(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                Response.Standing.valueOf(rows.getString(6)), rows.getTimestamp(7).toInstant());
    }
}
