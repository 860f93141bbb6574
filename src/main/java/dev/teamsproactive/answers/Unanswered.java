package dev.teamsproactive.answers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What a reminder needs from the ledger (migration V5): a campaign's SENT recipients who have not answered, and which
 * campaign a reminder reminds of (so an answer to the reminder's card counts for that campaign).
 */
public final class Unanswered {
    /** One SENT row of a campaign whose user has no response: its line, the recipient as written, the user's id. */
    public record SentRow(int line, String recipient, String userId) {
    }

    private final DataSource ledger;

    public Unanswered(DataSource ledger) {
        this.ledger = ledger;
    }

    /** The campaign's SENT recipients with no response of theirs recorded, in line order. */
    public List<SentRow> of(String campaignId) {
        List<SentRow> rows = new ArrayList<>();
        try (Connection c = ledger.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT d.line, d.recipient, d.user_id FROM deliveries d WHERE d.campaign_id = ? AND d.status = 'SENT'"
                        + " AND NOT EXISTS (SELECT 1 FROM responses r WHERE r.campaign_id = d.campaign_id"
                        + " AND LOWER(r.user_id) = LOWER(d.user_id)) ORDER BY d.line")) {
            select.setString(1, campaignId);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    rows.add(new SentRow(r.getInt(1), r.getString(2), r.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The ledger could not list who did not answer: " + e.getMessage(), e);
        }
        return rows;
    }

    /** Notes that {@code reminderId} (registered already) reminds of {@code campaignId}. */
    public void recordReminder(String reminderId, String campaignId) {
        try (Connection c = ledger.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE campaigns SET reminder_of = ? WHERE id = ?")) {
            c.setAutoCommit(true);
            update.setString(1, campaignId);
            update.setString(2, reminderId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The ledger could not record reminder " + reminderId + ": " + e.getMessage(), e);
        }
    }

    /** The campaign this one reminds of, when it is a reminder. */
    public Optional<String> remindedCampaign(String campaignId) {
        try (Connection c = ledger.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT reminder_of FROM campaigns WHERE id = ?")) {
            select.setString(1, campaignId);
            try (ResultSet r = select.executeQuery()) {
                return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The ledger could not read campaign " + campaignId + ": " + e.getMessage(), e);
        }
    }
}
