package dev.teamsproactive.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** SQL for a campaign's run lease (the {@code lease_owner} and {@code lease_expires_at} columns of campaigns). */
final class LeaseTable {
    private LeaseTable() {
    }

    record Holder(String owner, Instant expiresAt) {
    }

    static Holder holder(Connection c, String campaignId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT lease_owner, lease_expires_at FROM campaigns WHERE id = ?")) {
            select.setString(1, campaignId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalArgumentException("no campaign " + campaignId);
                }
                return new Holder(rows.getString(1), Columns.getInstant(rows, "lease_expires_at"));
            }
        }
    }

    /** Sets the lease if it is still held by {@code seenOwner} (null: free): compare and set, true when done. */
    static boolean replace(Connection c, String campaignId, String seenOwner, String owner, Instant expiresAt)
            throws SQLException {
        String sql = "UPDATE campaigns SET lease_owner = ?, lease_expires_at = ? WHERE id = ? AND "
                + (seenOwner == null ? "lease_owner IS NULL" : "lease_owner = ?");
        try (PreparedStatement update = c.prepareStatement(sql)) {
            update.setString(1, owner);
            Columns.setInstant(update, 2, expiresAt);
            update.setString(3, campaignId);
            if (seenOwner != null) {
                update.setString(4, seenOwner);
            }
            return update.executeUpdate() == 1;
        }
    }

    /** A SENDING row of a run that is gone: its message may or may not have arrived. */
    static int markSendingInDoubt(Connection c, String campaignId, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE deliveries SET status = 'IN_DOUBT', code = ?,"
                + " detail = ?, updated_at = ? WHERE campaign_id = ? AND status = 'SENDING'")) {
            update.setString(1, Ledger.IN_DOUBT_CODE);
            update.setString(2, "The service stopped after posting this message and before recording the answer:"
                    + " it may or may not have arrived. Not resent unless asked (resend --status IN_DOUBT).");
            Columns.setInstant(update, 3, now);
            update.setString(4, campaignId);
            return update.executeUpdate();
        }
    }
}
