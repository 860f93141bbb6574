package dev.teamsproactive.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Proves that the ledger can still record, not just answer: a campaign row is inserted (so the table's keys and
 * checks run, as for a real campaign) and rolled back, leaving nothing behind.
 */
public final class WriteProbe {
    private static final String PROBE_ID = "readiness-probe";

    private WriteProbe() {
    }

    /** @throws SQLException when the ledger cannot take a write (the reason is the database's) */
    public static void run(DataSource ledger) throws SQLException {
        try (Connection c = ledger.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                CampaignsTable.insert(c, PROBE_ID, "readiness probe", null, 0, Instant.now());
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        }
    }
}
