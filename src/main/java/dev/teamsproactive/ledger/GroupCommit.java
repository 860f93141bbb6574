package dev.teamsproactive.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Group commit for the per-recipient writes (claims, SENDING marks, outcomes, the conversation cache): the small
 * transactions of many route threads share one commit. Each caller still returns only once its own work is committed,
 * so what survives a crash is unchanged; there are just far fewer commits. Profiling a million-recipient campaign
 * showed H2 spending most of the service's CPU writing a new chunk per commit (about five per recipient).
 *
 * <p>One writer thread takes whatever is queued, runs each work in its own savepoint (so one that fails, such as a
 * duplicate key meaning "someone else was first", fails alone), commits once (through {@link Transactions}, like any
 * transaction) and wakes the callers. If the shared commit fails, each work of that group runs again in a
 * transaction of its own, as it would without grouping.
 */
final class GroupCommit implements AutoCloseable {
    /** Enough to share a commit among all route threads; small enough that a group stays a short transaction. */
    private static final int MAX_GROUP = 256;

    private final Transactions alone;
    private final LinkedBlockingQueue<Queued<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;
    /** Queued by {@link #close()}: the writer stops when it takes it (an interrupt could close H2's file). */
    private static final Queued<Void> STOP = new Queued<>(c -> null, new CompletableFuture<>());

    GroupCommit(Transactions alone) {
        this.alone = alone;
        this.writer = new Thread(this::writeGroups, "ledger-group-commit");
        writer.setDaemon(true);
        writer.start();
    }

    private record Queued<T>(Transactions.Work<T> work, CompletableFuture<T> result) {
    }

    /** Runs {@code work} in a transaction shared with other callers'; returns once it is committed. */
    <T> T run(Transactions.Work<T> work) {
        if (closed) {
            return alone.run(work);
        }
        Queued<T> mine = new Queued<>(work, new CompletableFuture<>());
        queue.add(mine);
        if (closed && queue.remove(mine)) {
            return alone.run(work); // queued after the writer stopped
        }
        try {
            return mine.result().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new LedgerException("ledger write failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException("interrupted while waiting for the ledger", e);
        }
    }

    private void writeGroups() {
        List<Queued<?>> group = new ArrayList<>(MAX_GROUP);
        boolean stopping = false;
        while (!stopping) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(group, MAX_GROUP - 1);
            stopping = group.remove(STOP);
            try {
                writeGroup(group);
            } catch (Throwable unexpected) {
                // An Error (out of memory …) must not leave callers waiting for ever: they fail, the writer goes on.
                for (Queued<?> q : group) {
                    q.result().completeExceptionally(new LedgerException("the ledger's writer failed", unexpected));
                }
            }
            group.clear();
        }
        // Closing: whatever was queued meanwhile is written one by one.
        for (Queued<?> q; (q = queue.poll()) != null;) {
            runAlone(q);
        }
    }

    private void writeGroup(List<Queued<?>> group) {
        if (group.isEmpty()) {
            return;
        }
        List<Runnable> completions;
        try {
            // One transaction for the group, as any other (lock conflicts retried, made durable once committed).
            completions = alone.run(connection -> {
                List<Runnable> each = new ArrayList<>(group.size());
                for (Queued<?> q : group) {
                    each.add(runInSavepoint(connection, q));
                }
                return each;
            });
        } catch (RuntimeException sharedCommitFailed) {
            // Nothing of the group was committed: each work runs again on its own.
            group.forEach(this::runAlone);
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
                throw e; // a lock conflict or worse: the whole group is retried, then run one by one
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

    /** A first-wins write sharing a commit: false when a row with its key was there first (nothing written). */
    boolean runFirst(Transactions.Work<?> work) {
        try {
            run(work);
            return true;
        } catch (DuplicateKeyException first) {
            return false;
        }
    }

    /** Writes what is queued, then stops the writer; later writes run one by one. */
    @Override
    public void close() {
        closed = true;
        queue.add(STOP);
        try {
            writer.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
