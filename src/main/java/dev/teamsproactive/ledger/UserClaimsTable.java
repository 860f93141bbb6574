package dev.teamsproactive.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** SQL for {@code campaign_user_claims}: which line of a campaign holds each resolved user. */
final class UserClaimsTable {
    private UserClaimsTable() {
    }

    /** Throws a unique violation when another line (or this one, earlier) holds the user already. */
    static void insert(Connection c, String campaignId, String userId, int line) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO campaign_user_claims (campaign_id, user_id, line) VALUES (?, ?, ?)")) {
            insert.setString(1, campaignId);
            insert.setString(2, userId);
            insert.setInt(3, line);
            insert.executeUpdate();
        }
    }

    /** The line holding the user and that line's status. */
    static UserClaim holder(Connection c, String campaignId, String userId, int askingLine) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT h.line, d.status FROM campaign_user_claims h"
                + " JOIN deliveries d ON d.campaign_id = h.campaign_id AND d.line = h.line"
                + " WHERE h.campaign_id = ? AND h.user_id = ?")) {
            select.setString(1, campaignId);
            select.setString(2, userId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no line holds user " + userId + " in campaign " + campaignId);
                }
                int holderLine = rows.getInt(1);
                DeliveryStatus holderStatus = DeliveryStatus.valueOf(rows.getString(2));
                UserClaim.Result result;
                if (holderLine != askingLine) {
                    result = UserClaim.Result.DUPLICATE;
                } else if (holderStatus == DeliveryStatus.SENT) {
                    result = UserClaim.Result.ALREADY_SENT;
                } else {
                    result = UserClaim.Result.OK;
                }
                return new UserClaim(result, holderLine, holderStatus);
            }
        }
    }
}
