package dev.teamsproactive.safety;

import dev.teamsproactive.ledger.Ledger;
import dev.teamsproactive.ledger.Progress;
import dev.teamsproactive.props.Props;
import dev.teamsproactive.recipients.Recipient;
import dev.teamsproactive.recipients.RecipientStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stop (SIGTERM) ends each running campaign's split early: no new recipient is started, the ones already
 * started finish and are recorded (Camel's graceful shutdown waits for them, up to
 * {@code camel.main.shutdown-timeout}), and the campaign is postponed, not finished: its file stays in the
 * inbox and the next start resumes it from the ledger.
 */
public final class GracefulStop {
    private static final Logger LOG = LoggerFactory.getLogger(GracefulStop.class);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Ledger ledger;

    public GracefulStop(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Called first thing when the service stops. */
    public void begin() {
        if (stopping.compareAndSet(false, true)) {
            LOG.info("Stopping: recipients already started finish and are recorded; the rest wait for the next start");
        }
    }

    public boolean isStopping() {
        return stopping.get();
    }

    /** The recipients, ending early once the service is stopping. */
    public RecipientStream untilStopped(RecipientStream rows) {
        return new RecipientStream() {
            @Override
            public boolean hasNext() {
                return !stopping.get() && rows.hasNext();
            }

            @Override
            public Recipient next() {
                return rows.next();
            }

            @Override
            public String recipientColumn() {
                return rows.recipientColumn();
            }

            @Override
            public void close() {
                rows.close();
            }
        };
    }

    /**
     * Before a dropped file's campaign: once stopping, a file is left where it is for the next start. Camel's file
     * consumer may still poll while the routes shut down, and a campaign started then would keep the shutdown waiting.
     */
    public void refuseNewCampaignWhileStopping(Exchange exchange) {
        if (stopping.get()) {
            throw new CampaignPostponedException("The service is stopping: " + exchange.getProperty(Props.SOURCE, String.class)
                    + " stays in the drop folder for the next start");
        }
    }

    /** After the split: a campaign cut short by a stop is postponed rather than reported as finished. */
    public void checkRunToTheEnd(Exchange exchange) {
        String campaignId = exchange.getProperty(Props.CAMPAIGN_ID, String.class);
        if (stopping.get() && !ledger.isComplete(campaignId)) {
            Progress progress = ledger.progress(campaignId);
            String message = "Campaign " + campaignId + " stopped with the service: " + progress.done() + " of "
                    + progress.total() + " recipients done; the rest are sent when it starts again";
            LOG.info(message);
            throw new CampaignPostponedException(message);
        }
    }
}
