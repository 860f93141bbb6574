package dev.teamsproactive.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.ledger.EmbeddedPostgresDatabases;
import dev.teamsproactive.ledger.Ledger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dropped files read by two instances through the inbox route's read lock in cluster mode: each file is taken by
 * exactly one and held for as long as its campaign runs; a lock left by an instance that died is taken over once it
 * is a lease old, by one instance, which then holds it; a busy instance leaves a new file to an idle one.
 */
class InboxLocksTest {
    @RegisterExtension
    static final EmbeddedPostgresDatabases POSTGRES = new EmbeddedPostgresDatabases();

    private static final ClusterSettings CLUSTER = new ClusterSettings(true, "test", Duration.ofSeconds(1),
            Duration.ofSeconds(3));

    @TempDir
    Path inbox;

    private Ledger ledger;
    private final List<DefaultCamelContext> contexts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void openLedger() {
        ledger = Ledger.open(POSTGRES.newDatabase(), "postgres", "");
    }

    @AfterEach
    void close() {
        contexts.forEach(DefaultCamelContext::stop);
        ledger.close();
    }

    private DefaultCamelContext instance(String name, Map<String, String> takenBy) throws Exception {
        return instance(name, takenBy, Duration.ofMillis(200), false, null);
    }

    /**
     * An instance whose campaigns take {@code campaign} each; {@code asOnAnotherThread}: as in the service, the file's
     * exchange goes on on another thread (the campaign's split), so the poll goes on with the next file meanwhile.
     */
    private DefaultCamelContext instance(String name, Map<String, String> takenBy, Duration campaign,
            boolean asOnAnotherThread, Members members) throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        contexts.add(camel);
        camel.getRegistry().bind("inboxLocks", InboxLocks.repository(ledger.dataSource(), CLUSTER, members));
        java.util.Properties p = new java.util.Properties();
        CLUSTER.routeProperties(p);
        camel.getPropertiesComponent().setInitialProperties(p);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // The inbox route's read-lock parameters (routes/1-inbox), with shorter waits.
                var route = from("file:" + inbox + "?readLock={{teams.inbox.read-lock}}"
                        + "&readLockMarkerFile={{teams.inbox.read-lock-marker-file}}&idempotentRepository=#inboxLocks"
                        + "&idempotentEager=false"
                        + "&readLockRemoveOnCommit=true&readLockIdempotentReleaseDelay=5000"
                        + "&readLockIdempotentReleaseAsync=true&readLockCheckInterval=100&readLockMinAge=200&delay=50"
                        + "&move=.done/${file:onlyname}")
                        .process(e -> {
                            String previous = takenBy.putIfAbsent(e.getMessage().getHeader("CamelFileName", String.class), name);
                            if (previous != null) {
                                takenBy.put("twice:" + e.getMessage().getHeader("CamelFileName", String.class), name);
                            }
                            if (!asOnAnotherThread) {
                                Thread.sleep(campaign.toMillis());
                            }
                        });
                if (asOnAnotherThread) {
                    route.delay(campaign.toMillis()).asyncDelayed();
                }
            }
        });
        camel.start();
        return camel;
    }

    @Test
    void eachDroppedFileIsTakenByExactlyOneOfTwoInstances() throws Exception {
        Map<String, String> takenBy = new ConcurrentHashMap<>();
        instance("a", takenBy);
        instance("b", takenBy);

        for (int i = 0; i < 20; i++) {
            Files.writeString(inbox.resolve("f" + i + ".csv"), "email\nuser" + i + "@contoso.example\n");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (takenBy.size() < 20 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(1_000);

        assertThat(takenBy.keySet()).noneMatch(name -> name.startsWith("twice:")).hasSize(20);
        assertThat(takenBy.values()).contains("a", "b");
        try (var files = Files.list(inbox.resolve(".done"))) {
            assertThat(files.count()).isEqualTo(20);
        }
    }

    @Test
    void aFileLockedByAnInstanceThatDiedIsTakenOverOnceItIsALeaseOld() throws Exception {
        DefaultCamelContext dead = new DefaultCamelContext();
        contexts.add(dead);
        IdempotentRepository itsLocks = InboxLocks.repository(ledger.dataSource(), CLUSTER, null);
        dead.addService(itsLocks);
        dead.start();
        String key = inbox.resolve("a.csv").toString();
        assertThat(itsLocks.add(key)).isTrue();
        dead.stop();

        DefaultCamelContext other = new DefaultCamelContext();
        contexts.add(other);
        IdempotentRepository locks = InboxLocks.repository(ledger.dataSource(), CLUSTER, null);
        other.addService(locks);
        other.start();

        assertThat(locks.add(key)).isFalse();
        Thread.sleep(CLUSTER.lease().toMillis() + 500);
        assertThat(locks.add(key)).isTrue();

        // The instance that took it over holds it (kept fresh), and a third cannot take it too.
        DefaultCamelContext third = new DefaultCamelContext();
        contexts.add(third);
        IdempotentRepository thirdLocks = InboxLocks.repository(ledger.dataSource(), CLUSTER, null);
        third.addService(thirdLocks);
        third.start();
        Thread.sleep(CLUSTER.lease().toMillis() + 1_000);
        assertThat(thirdLocks.add(key)).isFalse();
    }

    @Test
    void aFileIsHeldByItsInstanceUntilItsCampaignEndsLongAfterALease() throws Exception {
        Map<String, String> takenBy = new ConcurrentHashMap<>();
        Duration campaign = CLUSTER.lease().multipliedBy(3);
        instance("a", takenBy, campaign, true, null);
        instance("b", takenBy, campaign, true, null);

        Files.writeString(inbox.resolve("long.csv"), "email\nuser@contoso.example\n");
        long deadline = System.nanoTime() + campaign.plusSeconds(20).toNanos();
        while (!Files.exists(inbox.resolve(".done/long.csv")) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(1_000);

        assertThat(takenBy).containsOnlyKeys("long.csv");
        assertThat(inbox.resolve(".done/long.csv")).exists();
    }

    @Test
    void aBusyInstanceLeavesANewFileToALiveInstanceThatRunsNone() throws Exception {
        Map<String, String> takenBy = new ConcurrentHashMap<>();
        Duration campaign = Duration.ofSeconds(8);
        try (Members a = member("a"); Members b = member("b")) {
            instance("a", takenBy, campaign, true, a);
            for (int i = 1; i <= 2; i++) {
                Files.writeString(inbox.resolve("wave-" + i + ".csv"), "email\nuser" + i + "@contoso.example\n");
            }
            // b is a live member from the start; its inbox starts polling a moment after the drop.
            Thread.sleep(1_000);
            instance("b", takenBy, campaign, true, b);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (takenBy.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }

            assertThat(takenBy).containsOnlyKeys("wave-1.csv", "wave-2.csv");
            assertThat(takenBy.values()).containsExactlyInAnyOrder("a", "b");
        }
    }

    @Test
    void aBusyInstanceTakesOverAFileWhoseInstanceDiedAtOnceButLeavesANewOneToAnIdleInstance() throws Exception {
        DefaultCamelContext dead = new DefaultCamelContext();
        contexts.add(dead);
        IdempotentRepository itsLocks = InboxLocks.repository(ledger.dataSource(), CLUSTER, null);
        dead.addService(itsLocks);
        dead.start();
        String orphan = inbox.resolve("orphan.csv").toString();
        assertThat(itsLocks.add(orphan)).isTrue();
        dead.stop();

        try (Members a = member("a"); Members idle = member("b")) {
            DefaultCamelContext camel = new DefaultCamelContext();
            contexts.add(camel);
            IdempotentRepository locks = InboxLocks.repository(ledger.dataSource(), CLUSTER, a);
            camel.addService(locks);
            camel.start();
            assertThat(locks.add(inbox.resolve("running.csv").toString())).as("a's first file").isTrue();
            Thread.sleep(CLUSTER.lease().toMillis() + 500);

            assertThat(locks.add(inbox.resolve("new.csv").toString())).as("a new file, while b runs nothing").isFalse();
            assertThat(locks.add(orphan)).as("the dead instance's file").isTrue();
        }
    }

    private Members member(String instanceId) {
        Members m = new Members(ledger.dataSource(), new ClusterSettings(true, instanceId, CLUSTER.heartbeat(),
                CLUSTER.lease()), "test-" + instanceId);
        m.join();
        return m;
    }
}
