package dev.teamsproactive.safety;

import dev.teamsproactive.ledger.Ledger;
import dev.teamsproactive.props.Props;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most one message per row: just before the Bot Connector POST, the row is marked SENDING in the ledger,
 * which succeeds for one caller only (the row was PENDING and this run holds the campaign's lease). The
 * outcome is recorded right after the answer, so only a crash inside that window leaves a row whose
 * delivery is unknown: the next run marks it IN_DOUBT.
 */
public final class SendGuard {
    private static final Logger LOG = LoggerFactory.getLogger(SendGuard.class);
    /** This exchange has marked its row: a send repeated within it (after a repair) needs no new mark. */
    private static final String MARKED = "sendingMarked";

    private final Ledger ledger;
    private final GracefulStop stop;
    private final java.util.concurrent.atomic.AtomicBoolean stopNoted = new java.util.concurrent.atomic.AtomicBoolean();

    public SendGuard(Ledger ledger, GracefulStop stop) {
        this.ledger = ledger;
        this.stop = stop;
    }

    /** Sets {@code rowDone} when this row must not be posted. */
    public void markSending(Exchange exchange) {
        String owner = exchange.getProperty(Props.RUN_LEASE, String.class);
        if (owner == null || exchange.getProperty(MARKED, false, Boolean.class)) {
            // bot-send called on its own, outside a campaign run; or marked already.
            return;
        }
        String campaignId = exchange.getProperty(Props.CAMPAIGN_ID, String.class);
        int line = exchange.getProperty(Props.LINE, Integer.class);
        if (ledger.markSending(campaignId, line, owner, exchange.getProperty(Props.ATTEMPTS, 1, Integer.class))) {
            exchange.setProperty(MARKED, true);
        } else {
            if (stop.isStopping()) {
                // A stop gives the lease back while recipients still wait in bot-send's queue: expected, one line.
                if (stopNoted.compareAndSet(false, true)) {
                    LOG.info("Campaign {}: recipients still queued when the service stopped are not sent now; the next"
                            + " start sends them", campaignId);
                }
            } else {
                LOG.warn("Campaign {} line {}: not sent, the row is no longer this run's (another run took the campaign"
                        + " over, or the row is already sent)", campaignId, line);
            }
            exchange.setProperty(Props.ROW_DONE, true);
        }
    }
}
