package dev.teamsproactive.safety;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.teamsproactive.ledger.Ledger;
import dev.teamsproactive.props.Props;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One report per campaign: a run whose lease another run took over (it had stalled) writes none; of runs that take a
 * campaign at the same moment (members of a cluster), one runs it and the others are postponed.
 */
class RunLeasesTest {
    private static final String CAMPAIGN = "taken-0123456789ab";
    @TempDir
    Path work;
    private Ledger ledger;
    private RunLeases leases;

    @BeforeEach
    void open() {
        ledger = Ledger.open("jdbc:h2:file:" + work.resolve("ledger"), "sa", "");
        ledger.registerCampaign(CAMPAIGN, "taken.csv", "default", 5);
        leases = new RunLeases(ledger, Duration.ofSeconds(60));
    }

    @AfterEach
    void close() {
        leases.close();
        ledger.close();
    }

    private Exchange runningExchange() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(Props.CAMPAIGN_ID, CAMPAIGN);
        leases.take(exchange);
        return exchange;
    }

    @Test
    void theRunHoldingTheLeaseGoesOnToTheReport() {
        Exchange exchange = runningExchange();

        assertThatCode(() -> leases.checkStillHeld(exchange)).doesNotThrowAnyException();
    }

    @Test
    void aRunWhoseLeaseWasTakenOverIsPostponedInsteadOfReporting() {
        Exchange exchange = runningExchange();
        // Another member took the campaign over (this run's lease had lapsed while it stalled).
        ledger.takeLease(CAMPAIGN, "other-host/7/7/run", Instant.now().plusSeconds(60), owner -> true);

        assertThatThrownBy(() -> leases.checkStillHeld(exchange)).isInstanceOf(CampaignPostponedException.class)
                .hasMessageContaining("lost its lease");
    }

    @Test
    void ofRunsTakingOneCampaignAtTheSameMomentOneRunsItAndTheOthersArePostponed() throws Exception {
        int runs = 6;
        for (int round = 0; round < 10; round++) {
            String campaign = "race-" + round + "-0123456789ab";
            ledger.registerCampaign(campaign, "race.csv", "default", 5);
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(runs);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(runs);
            try {
                java.util.List<java.util.concurrent.Future<String>> outcomes = new java.util.ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    outcomes.add(pool.submit(() -> {
                        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
                        exchange.setProperty(Props.CAMPAIGN_ID, campaign);
                        together.await();
                        try {
                            leases.take(exchange);
                            return "runs";
                        } catch (CampaignPostponedException postponed) {
                            return "postponed";
                        } catch (RuntimeException e) {
                            return e.toString();
                        }
                    }));
                }
                java.util.List<String> seen = new java.util.ArrayList<>();
                for (var outcome : outcomes) {
                    seen.add(outcome.get(60, java.util.concurrent.TimeUnit.SECONDS));
                }
                org.assertj.core.api.Assertions.assertThat(seen).containsOnly("runs", "postponed")
                        .containsOnlyOnce("runs");
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
