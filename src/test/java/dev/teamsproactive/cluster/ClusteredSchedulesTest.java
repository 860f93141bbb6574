package dev.teamsproactive.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.ledger.EmbeddedPostgresDatabases;
import dev.teamsproactive.ledger.Ledger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A schedule in cluster mode runs on Quartz's clustered JDBC job store in the ledger's database: the trigger and the
 * member are rows there (what lets a firing run on one member only), and the cron fires once the member has loaded
 * its schedules, until it begins to stop.
 */
class ClusteredSchedulesTest {
    @RegisterExtension
    static final EmbeddedPostgresDatabases POSTGRES = new EmbeddedPostgresDatabases();

    private Ledger ledger;
    private DefaultCamelContext camel;

    @BeforeEach
    void openLedger() {
        ledger = Ledger.open(POSTGRES.newDatabase(), "postgres", "");
    }

    @AfterEach
    void close() {
        if (camel != null) {
            camel.stop();
        }
        ledger.close();
    }

    @Test
    void aCronFiresFromTheClusteredJobStoreInTheLedgersDatabase() throws Exception {
        ClusterSettings cluster = new ClusterSettings(true, "node-a", Duration.ofSeconds(1), Duration.ofSeconds(3));
        camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("teams-proactive");
        QuartzComponent quartz = ClusteredSchedules.component(ledger.dataSource(), cluster);
        camel.addComponent("quartz", quartz);
        CountDownLatch fired = new CountDownLatch(2);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("quartz:campaigns/every-second?cron=* * * * * ?&triggerStartDelay=1000&trigger.misfireInstruction=2")
                        .process(e -> fired.countDown());
            }
        });
        camel.start();
        // Not before this member's routes are loaded: a firing taken without its route would be lost.
        assertThat(fired.await(2_500, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(fired.getCount()).isEqualTo(2);

        ClusteredSchedules.startFiring(quartz);

        assertThat(fired.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(quartz.getScheduler().getMetaData().isJobStoreClustered()).isTrue();
        assertThat(quartz.getScheduler().getMetaData().isJobStoreSupportsPersistence()).isTrue();
        try (Connection c = ledger.dataSource().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT sched_name, misfire_instr FROM qrtz_triggers"
                    + " WHERE trigger_group = 'campaigns' AND trigger_name = 'every-second'")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("teams-proactive");
                assertThat(r.getInt(2)).isEqualTo(2);
            }
            try (ResultSet r = s.executeQuery("SELECT instance_name FROM qrtz_scheduler_state")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("node-a");
            }
            c.rollback();
        }

        // Stopping: this member takes no more firings (the others would).
        ClusteredSchedules.stopFiring(quartz);
        assertThat(quartz.getScheduler().isInStandbyMode()).isTrue();
    }
}
