package dev.teamsproactive.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox's read locks in cluster mode: one row of {@code CAMEL_MESSAGEPROCESSED} per dropped file being read (its
 * path), held by the member that inserted it, kept fresh every heartbeat until its campaign has ended and the file
 * has moved, and taken over by another member once it is a lease old (its member died). Ages are on the database's
 * clock, as the members' heartbeats.
 *
 * <p>Written here rather than using camel-sql's JdbcOrphanLockAwareIdempotentRepository on the same table: that one
 * takes a lapsed row over with an unconditional UPDATE (two members can both take it) and then does not keep it fresh
 * (a third member takes it a lease later while its campaign still runs), and it deletes any member's row when asked
 * to (Camel's file consumer asks to remove the key of a file it could not lock, which is another member's).
 *
 * <p>Spreading: a member that already reads a file (or runs a campaign) does not take another while a live member
 * runs none; it takes it after all if nobody has within a lease (a member that is idle but does not take files).
 */
final class DatabaseReadLocks extends ServiceSupport implements IdempotentRepository {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseReadLocks.class);
    private static final String NOW = "(now() AT TIME ZONE 'UTC')";

    private final DataSource db;
    private final String processor;
    private final ClusterSettings settings;
    private final Spreading spreading;
    private final Clock clock;
    /** The files this member reads now: the only rows it keeps fresh and the only ones it deletes. */
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    /** A file left to an idle member → when this member first left it. */
    private final Map<String, Long> leftSince = new ConcurrentHashMap<>();
    private ScheduledExecutorService keepAlive;

    /** Whether this member should leave a new file to another. */
    @FunctionalInterface
    interface Spreading {
        /** True when this member is busy (it reads a file, or runs a campaign) and a live member runs none. */
        boolean leaveToAnIdleMember(boolean readingAFile);

        /** Outside the service (no members): every file is taken as it comes. */
        Spreading NONE = readingAFile -> false;
    }

    DatabaseReadLocks(DataSource db, String processor, ClusterSettings settings, Spreading spreading, Clock clock) {
        this.db = db;
        this.processor = processor;
        this.settings = settings;
        this.spreading = spreading;
        this.clock = clock;
    }

    @Override
    public boolean add(String file) {
        if (leftToAnIdleMember(file)) {
            return false;
        }
        // A new row, or a lapsed one taken over: one statement, so of two members only one gets it.
        boolean taken = update("INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) VALUES (?, ?, "
                + NOW + ") ON CONFLICT (processorName, messageId) DO UPDATE SET createdAt = excluded.createdAt"
                + " WHERE CAMEL_MESSAGEPROCESSED.createdAt < excluded.createdAt - make_interval(secs => ?)",
                file, settings.lease().toMillis() / 1000.0) == 1;
        if (taken) {
            held.add(file);
            leftSince.remove(file);
        }
        return taken;
    }

    /**
     * Only a new file is left to an idle member, and for a lease at most: an idle member that does not take files (its
     * inbox off, still starting) holds up nothing. A file whose member died (its row lapsed) is taken over at once.
     */
    private boolean leftToAnIdleMember(String file) {
        long now = clock.millis();
        long lease = settings.lease().toMillis();
        leftSince.values().removeIf(since -> now - since > 10 * lease);
        if (!spreading.leaveToAnIdleMember(!held.isEmpty()) || hasRow(file)) {
            leftSince.remove(file);
            return false;
        }
        return now - leftSince.computeIfAbsent(file, f -> now) < lease;
    }

    /** Whether the file has a row, fresh or lapsed: it was taken before. */
    private boolean hasRow(String file) {
        try (Connection c = connection(); PreparedStatement select = c.prepareStatement(
                "SELECT 1 FROM CAMEL_MESSAGEPROCESSED WHERE processorName = ? AND messageId = ?")) {
            select.setString(1, processor);
            select.setString(2, file);
            try (ResultSet r = select.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("CAMEL_MESSAGEPROCESSED: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean contains(String file) {
        try (Connection c = connection(); PreparedStatement select = c.prepareStatement("SELECT 1 FROM"
                + " CAMEL_MESSAGEPROCESSED WHERE processorName = ? AND messageId = ? AND createdAt >= " + NOW
                + " - make_interval(secs => ?)")) {
            select.setString(1, processor);
            select.setString(2, file);
            select.setDouble(3, settings.lease().toMillis() / 1000.0);
            try (ResultSet r = select.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("CAMEL_MESSAGEPROCESSED: " + e.getMessage(), e);
        }
    }

    /** Releases a lock this member holds; another member's lock is never released here. */
    @Override
    public boolean remove(String file) {
        if (!held.remove(file)) {
            return false;
        }
        return update("DELETE FROM CAMEL_MESSAGEPROCESSED WHERE processorName = ? AND messageId = ?", file, null) == 1;
    }

    @Override
    public boolean confirm(String file) {
        return true;
    }

    @Override
    public void clear() {
        held.forEach(this::remove);
    }

    private void keepFresh() {
        List<String> files = List.copyOf(held);
        if (files.isEmpty()) {
            return;
        }
        try (Connection c = connection(); PreparedStatement refresh = c.prepareStatement("UPDATE"
                + " CAMEL_MESSAGEPROCESSED SET createdAt = " + NOW + " WHERE processorName = ? AND messageId = ?")) {
            for (String file : files) {
                refresh.setString(1, processor);
                refresh.setString(2, file);
                refresh.addBatch();
            }
            refresh.executeBatch();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Cluster member {}: keeping its inbox read locks fresh failed; trying again in {} s: {}",
                    settings.instanceId(), settings.heartbeat().toSeconds(), e.toString());
        }
    }

    private int update(String sql, String file, Double leaseSeconds) {
        try (Connection c = connection(); PreparedStatement update = c.prepareStatement(sql)) {
            update.setString(1, processor);
            update.setString(2, file);
            if (leaseSeconds != null) {
                update.setDouble(3, leaseSeconds);
            }
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("CAMEL_MESSAGEPROCESSED: " + e.getMessage(), e);
        }
    }

    /** Each statement on its own (the pool hands connections out without auto-commit). */
    private Connection connection() throws SQLException {
        Connection c = db.getConnection();
        c.setAutoCommit(true);
        return c;
    }

    @Override
    protected void doStart() {
        keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "inbox-read-locks");
            t.setDaemon(true);
            return t;
        });
        long every = settings.heartbeat().toMillis();
        keepAlive.scheduleWithFixedDelay(this::keepFresh, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        if (keepAlive != null) {
            keepAlive.shutdownNow();
            keepAlive = null;
        }
    }
}
