package dev.teamsproactive.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Cluster mode's {@code quartz} component: Quartz's clustered JDBC job store in the ledger's database (the QRTZ_
 * tables of the ledger's PostgreSQL migrations), so each firing of a schedule runs on one member only, chosen by
 * Quartz's row locks, not by a race the losers back off from; when a member dies, the others go on firing.
 * Every member uses the same scheduler name (the cluster) and its instance id as Quartz's instance id.
 * Firings missed while every member was down are the misfire policy's, as for one instance: the routes' triggers
 * tell Quartz to skip them (teams.cluster's misfire instruction) and the ledger's firing ids stay the last guard.
 */
public final class ClusteredSchedules {
    /** The name every member's scheduler has: Quartz's clustered rows are keyed by it. */
    static final String SCHEDULER_NAME = "teams-proactive";

    private ClusteredSchedules() {
    }

    public static QuartzComponent component(DataSource ledger, ClusterSettings settings) {
        // Quartz builds its data sources from properties; one registered by name uses the ledger's pool instead.
        String dataSource = "ledger-" + settings.instanceId();
        DBConnectionManager.getInstance().addConnectionProvider(dataSource, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return ledger.getConnection();
            }

            @Override
            public void shutdown() {
                // The ledger's pool is closed with the ledger.
            }

            @Override
            public void initialize() {
            }
        });
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
        p.setProperty("org.quartz.scheduler.instanceId", settings.instanceId());
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", "10");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dataSource);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        // A member silent for this long is taken for dead, and its firings in progress are released.
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(settings.heartbeat().toMillis()));
        QuartzComponent quartz = new QuartzComponent();
        quartz.setProperties(p);
        quartz.setPrefixInstanceName(false);
        // A member's scheduler takes firings only once its routes for config/campaigns/ exist (see startFiring):
        // one fired on a member without the route would be lost.
        quartz.setAutoStartScheduler(false);
        return quartz;
    }

    /** After the first load of config/campaigns/: this member takes its share of the firings from now on. */
    public static void startFiring(QuartzComponent quartz) {
        try {
            if (!quartz.getScheduler().isStarted()) {
                quartz.getScheduler().start();
            }
        } catch (org.quartz.SchedulerException e) {
            throw new IllegalStateException("The clustered scheduler did not start: " + e.getMessage(), e);
        }
    }

    /**
     * First of a stop: this member takes no more firings (the other members take them), before its routes stop and
     * a firing it took could find no route.
     */
    public static void stopFiring(QuartzComponent quartz) {
        try {
            if (quartz.getCamelContext() != null && quartz.getScheduler().isStarted()) {
                quartz.getScheduler().standby();
            }
        } catch (org.quartz.SchedulerException | RuntimeException e) {
            // Stopping anyway: at worst one firing taken meanwhile is missed on this member.
        }
    }
}
