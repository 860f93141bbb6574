package dev.teamsproactive.safety;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.teamsproactive.ledger.Ledger;
import dev.teamsproactive.props.Props;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A row that is no longer this run's is never posted; while the service stops (the lease given back with recipients
 * still queued) that is expected and said once, not as a WARN line per recipient.
 */
class SendGuardTest {
    private static final String CAMPAIGN = "stop-0123456789ab";
    @TempDir
    Path work;
    private Ledger ledger;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(SendGuard.class);

    @BeforeEach
    void open() {
        ledger = Ledger.open("jdbc:h2:file:" + work.resolve("ledger"), "sa", "");
        ledger.registerCampaign(CAMPAIGN, "stop.csv", "default", 5);
        // The run's lease was given back as it stopped: rows still queued are no longer its own.
        ledger.takeLease(CAMPAIGN, "host/1/1/run", Instant.now().plusSeconds(60), owner -> false);
        ledger.releaseLease(CAMPAIGN, "host/1/1/run");
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void close() {
        logger.detachAppender(logs);
        ledger.close();
    }

    @Test
    void aNormalStopSaysOnceThatQueuedRecipientsWaitInsteadOfAWarnPerRecipient() {
        GracefulStop stop = new GracefulStop(ledger);
        stop.begin();
        SendGuard guard = new SendGuard(ledger, stop);

        for (int line = 2; line <= 6; line++) {
            Exchange exchange = queuedRow(line);
            guard.markSending(exchange);
            assertThat(exchange.getProperty(Props.ROW_DONE, Boolean.class)).isTrue();
        }

        assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.WARN).isEmpty();
        assertThat(logs.list).hasSize(1);
    }

    @Test
    void outsideAStopARowThatIsNoLongerThisRunsIsAWarning() {
        SendGuard guard = new SendGuard(ledger, new GracefulStop(ledger));

        guard.markSending(queuedRow(2));

        assertThat(logs.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage()).contains("another run took the campaign over");
        });
    }

    private Exchange queuedRow(int line) {
        ledger.claimRow(CAMPAIGN, line, "user" + line + "@contoso.example");
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(Props.RUN_LEASE, "host/1/1/run");
        exchange.setProperty(Props.CAMPAIGN_ID, CAMPAIGN);
        exchange.setProperty(Props.LINE, line);
        return exchange;
    }
}
