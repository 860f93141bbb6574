package dev.teamsproactive.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-recipient writes of many threads share commits (far fewer transactions than writes), and each caller still
 * gets its own answer: its row claimed once, a duplicate user refused for it alone.
 */
class GroupCommitTest {
    private static final String CAMPAIGN = "grouped-0123456789ab";
    private static final int THREADS = 48;
    private static final int PER_THREAD = 40;

    @TempDir
    Path folder;

    @Test
    void manyThreadsWritesShareCommitsAndEachGetsItsOwnAnswer() throws Exception {
        JdbcConnectionPool h2 = JdbcConnectionPool.create("jdbc:h2:file:" + folder.resolve("ledger"), "sa", "");
        h2.setMaxConnections(THREADS + 4);
        CountingDataSource counting = new CountingDataSource(h2);
        try (Ledger ledger = Ledger.over(counting)) {
            ledger.registerCampaign(CAMPAIGN, "grouped.csv", "welcome", THREADS * PER_THREAD);
            counting.borrowed.set(0);

            List<Integer> duplicatesPerThread = Concurrently.run(THREADS, t -> {
                int duplicates = 0;
                for (int i = 0; i < PER_THREAD; i++) {
                    int line = t * PER_THREAD + i + 1;
                    assertThat(ledger.claimRow(CAMPAIGN, line, "r" + line).result()).isEqualTo(RowClaim.Result.NEW);
                    // Every second line names the same user as the line before it.
                    UserClaim user = ledger.claimUser(CAMPAIGN, line, "u" + (line + 1) / 2);
                    if (!user.isOk()) {
                        duplicates++;
                        ledger.recordOutcome(Outcome.notSent(CAMPAIGN, line, "r" + line, "u" + (line + 1) / 2,
                                DeliveryStatus.SKIPPED, "DuplicateRecipient", null, 0));
                        continue;
                    }
                    assertThat(ledger.markSending(CAMPAIGN, line, "nobody", 1)).as("no lease: never marked").isFalse();
                    ledger.recordOutcome(Outcome.sent(CAMPAIGN, line, "r" + line, "u" + (line + 1) / 2, "19:c", "1:a", 1));
                }
                return duplicates;
            });

            int writes = THREADS * PER_THREAD * 4;
            int total = THREADS * PER_THREAD;
            assertThat(duplicatesPerThread.stream().mapToInt(Integer::intValue).sum()).isEqualTo(total / 2);
            assertThat(ledger.progress(CAMPAIGN)).isEqualTo(new Progress(total, total, total / 2, 0, 0, total / 2, 0));
            assertThat(counting.borrowed.get()).as("transactions for %d writes", writes).isLessThan(writes / 2);
        } finally {
            h2.dispose();
        }
    }

    /**
     * A capability's first-wins insert (the answers' responses) shares commits too: of many threads inserting the same
     * key, one wins and the others learn they were not first; each row is committed once the call returns.
     */
    @Test
    void firstWinsInsertsShareCommitsAndOneWinsEachKey() throws Exception {
        JdbcConnectionPool h2 = JdbcConnectionPool.create("jdbc:h2:file:" + folder.resolve("ledger"), "sa", "");
        h2.setMaxConnections(THREADS + 4);
        CountingDataSource counting = new CountingDataSource(h2);
        try (Ledger ledger = Ledger.over(counting)) {
            counting.borrowed.set(0);
            List<Integer> wonPerThread = Concurrently.run(THREADS, t -> {
                int won = 0;
                for (int user = 0; user < PER_THREAD; user++) {
                    String userId = "u" + user;
                    boolean first = ledger.insertFirst(c -> {
                        try (var insert = c.prepareStatement("INSERT INTO responses (campaign_id, user_id, action,"
                                + " answer_values, standing, responded_at) VALUES ('c', ?, 'acknowledge', '{}',"
                                + " 'UNKNOWN_CAMPAIGN', CURRENT_TIMESTAMP)")) {
                            insert.setString(1, userId);
                            insert.executeUpdate();
                        }
                    });
                    if (first) {
                        won++;
                        try (Connection c = h2.getConnection(); var count = c.prepareStatement(
                                "SELECT COUNT(*) FROM responses WHERE user_id = ?")) {
                            count.setString(1, userId);
                            try (var rows = count.executeQuery()) {
                                rows.next();
                                assertThat(rows.getInt(1)).as("committed once insertFirst returned").isEqualTo(1);
                            }
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
                return won;
            });

            assertThat(wonPerThread.stream().mapToInt(Integer::intValue).sum()).isEqualTo(PER_THREAD);
            assertThat(counting.borrowed.get()).as("transactions for %d inserts", THREADS * PER_THREAD)
                    .isLessThan(THREADS * PER_THREAD / 2);
        } finally {
            h2.dispose();
        }
    }

    /** Counts the connections the ledger borrows: one per transaction. */
    private static final class CountingDataSource implements DataSource {
        private final DataSource target;
        final AtomicInteger borrowed = new AtomicInteger();

        CountingDataSource(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            borrowed.incrementAndGet();
            return target.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            borrowed.incrementAndGet();
            return target.getConnection(user, password);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return target.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return target.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return target.isWrapperFor(iface);
        }
    }
}
