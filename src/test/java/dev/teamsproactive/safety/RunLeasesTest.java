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

/** One report per campaign: a run whose lease another run took over (it had stalled) writes none. */
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
}
