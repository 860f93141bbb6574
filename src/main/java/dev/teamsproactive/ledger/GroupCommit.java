package dev.teamsproactive.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Group commit for the per-recipient writes (claims, SENDING marks, outcomes, the conversation cache): many route
 * threads' small transactions share one commit. Each caller still returns only once its own work is committed, so
 * what survives a crash is unchanged; there are just far fewer commits. Profiling a million-recipient campaign showed
 * H2 spending most of its time writing a new chunk per commit (about five per recipient), slower as the file grew.
 *
 * <p>No thread of its own: the caller that gets the lock writes whatever is queued (its own work and others'), the
 * others wait for the lock and usually find their work done. Each work runs in its own savepoint, so one that fails
 * (a duplicate key: "someone else was first") fails alone. If the shared commit fails, each work of that group is
 * run again in a transaction of its own, as it would have been without grouping.
 */
final class GroupCommit {
    /** Enough to share a commit among all route threads; small enough that a group stays a short transaction. */
    private static final int MAX_GROUP = 256;
    /** How long a caller waits for the writing caller before trying to write itself. */
    private static final long WAIT_MICROS = 500;

    private final DataSource dataSource;
    private final Transactions alone;
    private final ConcurrentLinkedQueue<Queued<?>> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();

    GroupCommit(DataSource dataSource, Transactions alone) {
        this.dataSource = dataSource;
        this.alone = alone;
    }

    private record Queued<T>(Transactions.Work<T> work, CompletableFuture<T> result) {
    }

    /** Runs {@code work} in a transaction shared with other callers'; returns once it is committed. */
    <T> T run(Transactions.Work<T> work) {
        Queued<T> mine = new Queued<>(work, new CompletableFuture<>());
        queue.add(mine);
        while (!mine.result().isDone()) {
            if (writing.tryLock()) {
                try {
                    while (!mine.result().isDone()) {
                        writeGroup();
                    }
                } finally {
                    writing.unlock();
                }
            } else {
                // Another caller is writing (ours too, if it was queued in time). Waiting on our own result, not on the
                // lock: callers whose work is done must not queue up on the lock only to learn that.
                awaitBriefly(mine.result());
            }
        }
        try {
            return mine.result().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private static void awaitBriefly(CompletableFuture<?> result) {
        try {
            result.get(WAIT_MICROS, TimeUnit.MICROSECONDS);
        } catch (TimeoutException | ExecutionException stillQueuedOrFailed) {
            // Try for the lock again (a failure is read by the caller after the loop).
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException("interrupted while waiting for the ledger", e);
        }
    }

    private void writeGroup() {
        List<Queued<?>> group = new ArrayList<>();
        for (Queued<?> q; group.size() < MAX_GROUP && (q = queue.poll()) != null;) {
            group.add(q);
        }
        if (group.isEmpty()) {
            return;
        }
        List<Runnable> completions = new ArrayList<>(group.size());
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                for (Queued<?> q : group) {
                    completions.add(runInSavepoint(connection, q));
                }
                connection.commit();
                alone.makeDurable(connection);
            } catch (SQLException | RuntimeException e) {
                rollback(connection);
                throw e;
            } finally {
                if (autoCommit) {
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException | RuntimeException sharedCommitFailed) {
            // Nothing of the group was committed: each work runs again on its own (lock conflicts retried there).
            for (Queued<?> q : group) {
                runAlone(q);
            }
            return;
        }
        completions.forEach(Runnable::run);
    }

    /** Runs one work; answers how to complete its caller once the group is committed. */
    private static <T> Runnable runInSavepoint(Connection connection, Queued<T> q) throws SQLException {
        Savepoint before = connection.setSavepoint();
        try {
            T value = q.work().apply(connection);
            connection.releaseSavepoint(before);
            return () -> q.result().complete(value);
        } catch (SQLException e) {
            if (!SqlStates.isUniqueViolation(e)) {
                throw e; // a lock conflict or worse: the group is run again one by one
            }
            connection.rollback(before);
            return () -> q.result().completeExceptionally(new DuplicateKeyException(e));
        } catch (RuntimeException e) {
            connection.rollback(before);
            return () -> q.result().completeExceptionally(e);
        }
    }

    private <T> void runAlone(Queued<T> q) {
        try {
            q.result().complete(alone.run(q.work()));
        } catch (RuntimeException e) {
            q.result().completeExceptionally(e);
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection goes back to the pool, which resets it; the group is retried one by one.
        }
    }
}
