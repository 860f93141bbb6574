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
 * exactly one; a lock left by an instance that died is taken over once it is a lease old.
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
        DefaultCamelContext camel = new DefaultCamelContext();
        contexts.add(camel);
        camel.getRegistry().bind("inboxLocks", InboxLocks.repository(camel, ledger.dataSource(), CLUSTER));
        java.util.Properties p = new java.util.Properties();
        CLUSTER.routeProperties(p);
        camel.getPropertiesComponent().setInitialProperties(p);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // The inbox route's read-lock parameters (routes/1-inbox), with shorter waits.
                from("file:" + inbox + "?readLock={{teams.inbox.read-lock}}"
                        + "&readLockMarkerFile={{teams.inbox.read-lock-marker-file}}&idempotentRepository=#inboxLocks"
                        + "&readLockRemoveOnCommit=true&readLockIdempotentReleaseDelay=5000"
                        + "&readLockIdempotentReleaseAsync=true&readLockCheckInterval=100&readLockMinAge=200&delay=50"
                        + "&move=.done/${file:onlyname}")
                        .process(e -> {
                            String previous = takenBy.putIfAbsent(e.getMessage().getHeader("CamelFileName", String.class), name);
                            if (previous != null) {
                                takenBy.put("twice:" + e.getMessage().getHeader("CamelFileName", String.class), name);
                            }
                            Thread.sleep(200);
                        });
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
        IdempotentRepository itsLocks = InboxLocks.repository(dead, ledger.dataSource(), CLUSTER);
        dead.addService(itsLocks);
        dead.start();
        String key = inbox.resolve("a.csv").toString();
        assertThat(itsLocks.add(key)).isTrue();
        dead.stop();

        DefaultCamelContext other = new DefaultCamelContext();
        contexts.add(other);
        IdempotentRepository locks = InboxLocks.repository(other, ledger.dataSource(), CLUSTER);
        other.addService(locks);
        other.start();

        assertThat(locks.add(key)).isFalse();
        Thread.sleep(CLUSTER.lease().toMillis() + 500);
        assertThat(locks.add(key)).isTrue();
    }
}
