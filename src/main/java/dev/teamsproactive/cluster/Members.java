package dev.teamsproactive.cluster;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The members of the cluster, in the {@code cluster_members} table: each instance joins at start (refused when a live
 * member already has its instance id), writes a heartbeat every {@code teams.cluster.heartbeat-seconds}, and leaves at
 * a clean stop. Heartbeats are written and judged on the database's clock (now()), so the members' clocks need not
 * agree for this. A member is live while its last heartbeat is younger than the lease.
 */
public final class Members implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Members.class);

    /** One member as {@code GET /api/cluster} shows it. */
    public record Member(String instanceId, String host, Instant lastHeartbeat, List<String> campaigns) {
    }

    private final DataSource db;
    private final ClusterSettings settings;
    private final String process;
    private ScheduledExecutorService heartbeats;

    /**
     * @param process the prefix of this process's run-lease owners (host/pid/start-millis), so a member's campaigns are
     *                those whose lease it holds
     */
    public Members(DataSource db, ClusterSettings settings, String process) {
        this.db = db;
        this.settings = settings;
        this.process = process;
    }

    /** Joins the cluster and starts the heartbeat; a live member with the same instance id is an error. */
    public void join() {
        inTransaction(c -> {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "cluster_members:" + settings.instanceId());
                lock.execute();
            }
            try (PreparedStatement live = c.prepareStatement("SELECT host, pid, last_heartbeat FROM cluster_members"
                    + " WHERE instance_id = ? AND last_heartbeat > now() - make_interval(secs => ?)")) {
                live.setString(1, settings.instanceId());
                live.setLong(2, settings.lease().toSeconds());
                try (ResultSet r = live.executeQuery()) {
                    if (r.next()) {
                        throw new IllegalStateException("Another live instance already has " + ClusterSettings.INSTANCE_ID
                                + "=" + settings.instanceId() + " (host " + r.getString(1) + ", pid " + r.getLong(2)
                                + ", last heartbeat " + r.getTimestamp(3).toInstant() + "): give each instance its own "
                                + ClusterSettings.INSTANCE_ID + "; nothing was started");
                    }
                }
            }
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO cluster_members (instance_id, host, pid,"
                    + " process, started_at, last_heartbeat) VALUES (?, ?, ?, ?, now(), now()) ON CONFLICT (instance_id)"
                    + " DO UPDATE SET host = excluded.host, pid = excluded.pid, process = excluded.process,"
                    + " started_at = excluded.started_at, last_heartbeat = excluded.last_heartbeat")) {
                upsert.setString(1, settings.instanceId());
                upsert.setString(2, host());
                upsert.setLong(3, ProcessHandle.current().pid());
                upsert.setString(4, process);
                upsert.executeUpdate();
            }
            return null;
        });
        heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cluster-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long every = settings.heartbeat().toMillis();
        heartbeats.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
        LOG.info("Cluster member {} joined (heartbeat every {} s, lease {} s)", settings.instanceId(),
                settings.heartbeat().toSeconds(), settings.lease().toSeconds());
    }

    void beat() {
        try {
            inTransaction(c -> {
                try (PreparedStatement update = c.prepareStatement(
                        "UPDATE cluster_members SET last_heartbeat = now() WHERE instance_id = ? AND process = ?")) {
                    update.setString(1, settings.instanceId());
                    update.setString(2, process);
                    if (update.executeUpdate() == 0) {
                        LOG.warn("Cluster member {}: its row was gone (taken for dead after a long stall?); joining again",
                                settings.instanceId());
                        try (PreparedStatement insert = c.prepareStatement("INSERT INTO cluster_members (instance_id,"
                                + " host, pid, process, started_at, last_heartbeat) VALUES (?, ?, ?, ?, now(), now())"
                                + " ON CONFLICT (instance_id) DO NOTHING")) {
                            insert.setString(1, settings.instanceId());
                            insert.setString(2, host());
                            insert.setLong(3, ProcessHandle.current().pid());
                            insert.setString(4, process);
                            insert.executeUpdate();
                        }
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Cluster member {}: the heartbeat failed; trying again in {} s: {}", settings.instanceId(),
                    settings.heartbeat().toSeconds(), e.toString());
        }
    }

    /** The live members, each with the campaigns whose run lease its runs hold. */
    public List<Member> live() {
        return inTransaction(c -> {
            List<Member> members = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT m.instance_id, m.host, m.last_heartbeat,"
                    + " c.id FROM cluster_members m LEFT JOIN campaigns c ON c.lease_owner LIKE m.process || '/%'"
                    + " WHERE m.last_heartbeat > now() - make_interval(secs => ?) ORDER BY m.instance_id, c.id")) {
                select.setLong(1, settings.lease().toSeconds());
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        String id = r.getString(1);
                        if (members.isEmpty() || !members.get(members.size() - 1).instanceId().equals(id)) {
                            members.add(new Member(id, r.getString(2), r.getTimestamp(3).toInstant(), new ArrayList<>()));
                        }
                        String campaign = r.getString(4);
                        if (campaign != null) {
                            members.get(members.size() - 1).campaigns().add(campaign);
                        }
                    }
                }
            }
            return members;
        });
    }

    /**
     * Whether this member is busy (it reads a dropped file, or runs a campaign) while another live member runs no
     * campaign: the inbox then leaves a new file to that one (campaigns spread over the members).
     */
    public boolean anotherIsIdleWhileThisIsBusy(boolean readingAFile) {
        List<Member> members;
        try {
            members = live();
        } catch (RuntimeException e) {
            return false;
        }
        boolean busy = readingAFile || members.stream()
                .anyMatch(m -> m.instanceId().equals(settings.instanceId()) && !m.campaigns().isEmpty());
        return busy && members.stream()
                .anyMatch(m -> !m.instanceId().equals(settings.instanceId()) && m.campaigns().isEmpty());
    }

    /** Leaves the cluster (a clean stop): the others see it gone at once. */
    @Override
    public void close() {
        if (heartbeats == null) {
            return;
        }
        heartbeats.shutdownNow();
        try {
            inTransaction(c -> {
                try (PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM cluster_members WHERE instance_id = ? AND process = ?")) {
                    delete.setString(1, settings.instanceId());
                    delete.setString(2, process);
                    delete.executeUpdate();
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Cluster member {}: leaving failed; the others see it gone after {} s", settings.instanceId(),
                    settings.lease().toSeconds());
        }
    }


    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection c = db.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cluster_members: " + e.getMessage(), e);
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown-host";
        }
    }
}
