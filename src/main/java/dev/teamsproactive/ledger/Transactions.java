package dev.teamsproactive.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * Runs each ledger operation as one short transaction on a pooled connection. Lock conflicts
 * between concurrent route threads (deadlock, serialization failure, lock time-out) are retried a
 * few times; a duplicate key surfaces as {@link DuplicateKeyException} so callers can tell "someone
 * else was first" from a failure.
 */
final class Transactions {
    /** Work done inside a transaction; the connection is committed after it returns. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private static final int MAX_ATTEMPTS = 5;

    private final DataSource dataSource;
    private volatile Boolean isH2;

    Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs a transaction that writes: once committed, it is made durable ({@link #makeDurable}). */
    <T> T run(Work<T> work) {
        return run(work, true);
    }

    /** Runs a transaction that only reads: there is nothing to make durable, so no CHECKPOINT after it. */
    <T> T read(Work<T> work) {
        return run(work, false);
    }

    private <T> T run(Work<T> work, boolean writes) {
        for (int attempt = 1;; attempt++) {
            try {
                return runOnce(work, writes);
            } catch (SQLException e) {
                if (SqlStates.isUniqueViolation(e)) {
                    throw new DuplicateKeyException(e);
                }
                if (!SqlStates.isLockConflict(e) || attempt == MAX_ATTEMPTS) {
                    throw new LedgerException("ledger operation failed (SQLState " + e.getSQLState() + "): "
                            + e.getMessage(), e);
                }
                pauseBeforeRetry(attempt);
            }
        }
    }

    private <T> T runOnce(Work<T> work, boolean writes) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            // The ledger's own pool hands out connections with auto-commit off; a borrowed data source may not.
            boolean autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
            try {
                T result = work.apply(connection);
                connection.commit();
                if (writes) {
                    makeDurable(connection);
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            } finally {
                if (autoCommit) {
                    connection.setAutoCommit(true);
                }
            }
        }
    }

    /**
     * A committed transaction must survive kill -9 (an outcome recorded, a row marked SENDING before its POST). H2
     * keeps commits in memory and writes them about a second later, so it is told to write them now; PostgreSQL has
     * written its log at commit. Shared by a group of commits (GroupCommit), it costs one write per group.
     */
    private void makeDurable(Connection connection) throws SQLException {
        Boolean h2 = isH2;
        if (h2 == null) {
            h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
            isH2 = h2;
        }
        if (h2) {
            try (Statement checkpoint = connection.createStatement()) {
                checkpoint.execute("CHECKPOINT");
            }
        }
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    /** A short random pause so two threads that collided do not collide again in step. */
    private static void pauseBeforeRetry(int attempt) {
        long maxMillis = 5L << attempt;
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1, maxMillis) * 1_000_000L);
    }
}
