package dev.teamsproactive.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.ledger.EmbeddedPostgresDatabases;
import dev.teamsproactive.ledger.Ledger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two instances' pacing on one PostgreSQL ledger: together they stay within one bucket's rate and come near it, and a
 * Retry-After met by one pauses the other.
 */
class SharedPacingTest {
    @RegisterExtension
    static final EmbeddedPostgresDatabases POSTGRES = new EmbeddedPostgresDatabases();

    /** 50/s as the routes pace it: 10 permits per 200 ms. */
    private static final Map<String, PacingBuckets.Rate> RATES = Map.of("bot-sends", new PacingBuckets.Rate(10, 200));

    private Ledger ledger;
    private final DefaultCamelContext camel = new DefaultCamelContext();

    @BeforeEach
    void openLedger() {
        ledger = Ledger.open(POSTGRES.newDatabase(), "postgres", "");
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    private Exchange exchange() {
        return new DefaultExchange(camel);
    }

    @Test
    void twoInstancesTogetherStayWithinTheRateAndNearIt() throws Exception {
        SharedPacing a = new SharedPacing(ledger.dataSource(), RATES);
        SharedPacing b = new SharedPacing(ledger.dataSource(), RATES);
        AtomicInteger taken = new AtomicInteger();
        long seconds = 3;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> callers = new ArrayList<>();
        for (SharedPacing instance : List.of(a, b)) {
            for (int i = 0; i < 6; i++) {
                Thread caller = new Thread(() -> {
                    try {
                        while (System.nanoTime() < end) {
                            instance.take(exchange(), "bot-sends");
                            if (System.nanoTime() < end) {
                                taken.incrementAndGet();
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                caller.start();
                callers.add(caller);
            }
        }
        for (Thread t : callers) {
            t.join(10_000);
        }

        // 50/s for 3 s, plus the bucket's first 10: never more; and at least 90 % of the rate.
        assertThat(taken.get()).isLessThanOrEqualTo(50 * 3 + 10).isGreaterThanOrEqualTo((int) (0.9 * 50 * 3));
    }

    /**
     * The tenant counts its limit as an evenly refilled bucket (the sandbox at --limits real too): what matters is how
     * far the cluster ever runs ahead of the even pace, for that is what a busy host's jitter adds to. Three instances,
     * each greedy, from a fresh bucket: in no window do they take more than the window's even share plus one block
     * in the bucket and one block per instance (2 each at 50/s).
     */
    @Test
    void threeInstancesNeverRunAheadOfTheEvenPaceByMoreThanABlockEach() throws Exception {
        List<SharedPacing> instances = List.of(new SharedPacing(ledger.dataSource(), RATES),
                new SharedPacing(ledger.dataSource(), RATES), new SharedPacing(ledger.dataSource(), RATES));
        List<Long> permits = java.util.Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + 3_000_000_000L;
        List<Thread> callers = new ArrayList<>();
        for (SharedPacing instance : instances) {
            for (int i = 0; i < 2; i++) {
                Thread caller = new Thread(() -> {
                    try {
                        while (System.nanoTime() < end) {
                            instance.take(exchange(), "bot-sends");
                            permits.add(System.nanoTime());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                caller.start();
                callers.add(caller);
            }
        }
        for (Thread t : callers) {
            t.join(10_000);
        }

        List<Long> times = new ArrayList<>(permits);
        java.util.Collections.sort(times);
        long block = 2;
        long aheadAllowed = block + instances.size() * block;
        double mostAhead = 0;
        for (int i = 0; i < times.size(); i++) {
            for (int j = i; j < times.size(); j++) {
                double evenShare = (times.get(j) - times.get(i)) / 1e9 * 50;
                mostAhead = Math.max(mostAhead, (j - i + 1) - evenShare);
            }
        }
        assertThat(mostAhead).as("permits ahead of 50/s in the worst window, of %d", times.size())
                .isLessThanOrEqualTo(aheadAllowed + 1);
        assertThat(times.size()).as("permits in 3 s").isGreaterThanOrEqualTo((int) (0.9 * 50 * 3));
    }

    @Test
    void aRetryAfterMetByOneInstancePausesTheBucketForTheOther() throws Exception {
        SharedPacing a = new SharedPacing(ledger.dataSource(), RATES);
        SharedPacing b = new SharedPacing(ledger.dataSource(), RATES);
        b.take(exchange(), "bot-sends");

        a.pause("bot-sends", 1_000);
        a.pause("bot-sends", 1_000);
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            b.take(exchange(), "bot-sends");
        }
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;

        // One second's pause, not two: a second instance meeting the same 429 does not add to it.
        assertThat(waitedMillis).isBetween(800L, 1_600L);
    }

    @Test
    void aChangedRateIsABucketOfItsOwnNotTheStoredOne() throws Exception {
        new SharedPacing(ledger.dataSource(), RATES).take(exchange(), "bot-sends");
        SharedPacing slower = new SharedPacing(ledger.dataSource(), Map.of("bot-sends", new PacingBuckets.Rate(1, 200)));
        long start = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            slower.take(exchange(), "bot-sends");
        }

        // 5/s: the fourth permit comes after three periods, not at once as the stored 50/s bucket would give it.
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(550);
    }

    @Test
    void theExchangeNamesTheBucketItsCallTookAPermitFrom() throws Exception {
        Exchange exchange = exchange();
        new LocalPacing(RATES).take(exchange, "bot-sends");

        assertThat(exchange.getProperty(dev.teamsproactive.props.Props.PACING_BUCKET)).isEqualTo("bot-sends");
    }
}
