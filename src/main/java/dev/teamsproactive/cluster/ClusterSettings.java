package dev.teamsproactive.cluster;

import dev.teamsproactive.config.Settings;
import java.net.InetAddress;
import java.time.Duration;

/**
 * Cluster mode's settings: {@code teams.cluster.enabled}, {@code teams.cluster.instance-id} (empty: host name and
 * process id), {@code teams.cluster.heartbeat-seconds}, and the lease length, which is {@code teams.run-lease.seconds}:
 * a member silent for that long is gone, its dropped files and its campaigns are taken over by another.
 *
 * @param enabled     whether this instance is a member of a cluster
 * @param instanceId  the member's name, unique among the live members
 * @param heartbeat   how often a member says it is alive (and keeps its file locks fresh)
 * @param lease       how long a silent member's campaigns, files and membership stay its own
 */
public record ClusterSettings(boolean enabled, String instanceId, Duration heartbeat, Duration lease) {
    public static final String ENABLED = "teams.cluster.enabled";
    public static final String INSTANCE_ID = "teams.cluster.instance-id";
    public static final String HEARTBEAT = "teams.cluster.heartbeat-seconds";
    public static final String LEASE = "teams.run-lease.seconds";

    /**
     * Reads and checks the settings; a cluster on anything but PostgreSQL, or a heartbeat too slow for the lease, is
     * refused with one line naming the settings.
     */
    public static ClusterSettings of(Settings settings, String ledgerUrl) {
        boolean enabled = Boolean.parseBoolean(settings.get(ENABLED, "false"));
        Duration lease = Duration.ofSeconds(settings.getInt(LEASE));
        Duration heartbeat;
        try {
            heartbeat = Duration.ofSeconds(Integer.parseInt(settings.get(HEARTBEAT, "5")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The setting " + HEARTBEAT + " must be a whole number of seconds, not '"
                    + settings.get(HEARTBEAT, "") + "'");
        }
        String instanceId = settings.get(INSTANCE_ID).orElseGet(ClusterSettings::hostAndPid);
        if (!enabled) {
            return new ClusterSettings(false, instanceId, heartbeat, lease);
        }
        if (ledgerUrl == null || !ledgerUrl.trim().startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(ENABLED + "=true needs a PostgreSQL ledger shared by every instance:"
                    + " set teams.ledger.url to jdbc:postgresql://… (it is " + scheme(ledgerUrl) + "), or set " + ENABLED
                    + "=false to run one instance on its own ledger");
        }
        if (heartbeat.isZero() || heartbeat.isNegative() || heartbeat.multipliedBy(2).compareTo(lease) > 0) {
            throw new IllegalArgumentException(HEARTBEAT + " (" + heartbeat.toSeconds() + ") must be at least 1 and at"
                    + " most half of " + LEASE + " (" + lease.toSeconds() + "): a member is taken for gone after "
                    + LEASE + " without a heartbeat");
        }
        if (instanceId.length() > 200) {
            throw new IllegalArgumentException(INSTANCE_ID + " must be at most 200 characters");
        }
        return new ClusterSettings(true, instanceId, heartbeat, lease);
    }

    /**
     * What the routes read: the inbox's read lock ({@code changed} alone; in cluster mode the file's row in the
     * database, and no marker file, which a member that died would leave behind and so keep the file from everyone),
     * the schedules' misfire instruction (alone, Quartz's fire-once-now, as it always was; in cluster mode do-nothing:
     * the misfire policy brings back a missed firing under its own firing id, which Quartz's "now" would not keep).
     * (Quartz's clustered jobs find their route by the Camel context's name, the same on every member:
     * camel.main.name.)
     */
    public void routeProperties(java.util.Properties into) {
        into.setProperty("teams.inbox.read-lock", enabled ? "idempotent-changed" : "changed");
        into.setProperty("teams.inbox.read-lock-marker-file", Boolean.toString(!enabled));
        into.setProperty("teams.schedules.misfire-instruction", enabled ? "2" : "1");
    }

    /** The URL may carry a password: name its scheme only. */
    private static String scheme(String url) {
        if (url == null || url.isBlank()) {
            return "not set";
        }
        String[] parts = url.trim().split(":", 3);
        return parts.length >= 2 ? parts[0] + ":" + parts[1] + ":…" : "not a JDBC URL";
    }

    static String hostAndPid() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException | RuntimeException e) {
            host = "unknown-host";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
