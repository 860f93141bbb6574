package dev.teamsproactive.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import javax.sql.DataSource;

/**
 * The messages a campaign delivered (its SENT rows with an activity id), in line order, for updating or recalling
 * them. Read a page at a time by line (keyset paging): a million rows never sit in memory, and no transaction
 * stays open while each one is worked on.
 */
public final class SentMessages implements Iterator<SentMessages.Sent> {
    /** One delivered message: where it went (the conversation) and its id there. */
    public record Sent(int line, String recipient, String userId, String conversationId, String activityId) {
    }

    static final int PAGE = 500;
    private final DataSource dataSource;
    private final String campaignId;
    private final Deque<Sent> page = new ArrayDeque<>();
    private int afterLine = Integer.MIN_VALUE;
    private boolean exhausted;

    public SentMessages(Ledger ledger, String campaignId) {
        this.dataSource = ledger.dataSource();
        this.campaignId = campaignId;
    }

    @Override
    public boolean hasNext() {
        if (page.isEmpty() && !exhausted) {
            fetch();
        }
        return !page.isEmpty();
    }

    @Override
    public Sent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return page.removeFirst();
    }

    private void fetch() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT line, recipient, user_id, conversation_id, activity_id"
                        + " FROM deliveries WHERE campaign_id = ? AND status = 'SENT' AND activity_id IS NOT NULL"
                        + " AND conversation_id IS NOT NULL AND line > ? ORDER BY line FETCH FIRST " + PAGE + " ROWS ONLY")) {
            select.setString(1, campaignId);
            select.setInt(2, afterLine);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Sent s = new Sent(rows.getInt(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5));
                    page.addLast(s);
                    afterLine = s.line();
                }
            }
        } catch (SQLException e) {
            throw new LedgerException("Cannot read the sent messages of campaign " + campaignId, e);
        }
        exhausted = page.size() < PAGE;
    }
}
