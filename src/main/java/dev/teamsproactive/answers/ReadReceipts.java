package dev.teamsproactive.answers;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Read receipts (teams.read-receipts.enabled): Teams' {@code event} named {@code application/vnd.microsoft.readReceipt}
 * says the user read their 1:1 chat with the bot up to {@code value.lastReadMessageId}. The campaigns' SENT messages
 * in that chat, up to that one (all of them when it is not a campaign's), are marked read at the receipt's arrival;
 * the first read wins (ledger V5: deliveries.read_at).
 */
public record ReadReceipts(DataSource ledger, ResponsesReport report) {
    public static final String EVENT_NAME = "application/vnd.microsoft.readReceipt";

    /** Marks the chat's messages read; each campaign that had one unread gets its report rewritten at the next flush. */
    public void record(JsonNode activity) {
        String chat = activity.path("conversation").path("id").asText("");
        if (chat.isEmpty()) {
            return;
        }
        String lastRead = activity.path("value").path("lastReadMessageId").asText("");
        Timestamp now = Timestamp.from(Instant.now());
        // The messages up to the one read: those updated no later than it (every one, when it is not a campaign's).
        String upToLastRead = " conversation_id = ? AND status = 'SENT' AND read_at IS NULL AND updated_at <= COALESCE("
                + "(SELECT MAX(m.updated_at) FROM deliveries m WHERE m.conversation_id = ? AND m.activity_id = ?), ?)";
        try (Connection c = ledger.getConnection()) {
            c.setAutoCommit(true);
            List<String> campaigns = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT DISTINCT campaign_id FROM deliveries WHERE" + upToLastRead)) {
                bind(select, 1, chat, lastRead, now);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        campaigns.add(rows.getString(1));
                    }
                }
            }
            if (campaigns.isEmpty()) {
                return;
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE deliveries SET read_at = ? WHERE" + upToLastRead)) {
                update.setTimestamp(1, now);
                bind(update, 2, chat, lastRead, now);
                update.executeUpdate();
            }
            campaigns.forEach(report::readChanged);
        } catch (SQLException e) {
            throw new IllegalStateException("The ledger could not record a read receipt: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement statement, int first, String chat, String lastRead, Timestamp now)
            throws SQLException {
        statement.setString(first, chat);
        statement.setString(first + 1, chat);
        statement.setString(first + 2, lastRead);
        statement.setTimestamp(first + 3, now);
    }
}
