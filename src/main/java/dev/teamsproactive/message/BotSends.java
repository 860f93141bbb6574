package dev.teamsproactive.message;

import dev.teamsproactive.props.Props;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * The bot-send stage runs on its own workers (seda), so the campaign's split ends before its last sends do. This
 * counts each campaign's recipients handed to that stage until their exchange is done, whatever its outcome, so
 * the campaign writes its report only once every recipient has a final status.
 */
public final class BotSends {
    private final Map<String, InFlight> campaigns = new ConcurrentHashMap<>();

    /** Counts this recipient until its exchange completes (the count moves with it onto the seda queue). */
    public void handOff(Exchange exchange) {
        InFlight inFlight = campaigns.computeIfAbsent(campaignId(exchange), id -> new InFlight());
        inFlight.add();
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                inFlight.remove();
            }
        });
    }

    /** Waits until none of the campaign's recipients is still in the bot-send stage. */
    public void awaitAll(Exchange exchange) throws InterruptedException {
        String campaignId = campaignId(exchange);
        InFlight inFlight = campaigns.get(campaignId);
        if (inFlight != null) {
            inFlight.awaitNone();
            campaigns.computeIfPresent(campaignId, (id, n) -> n.isNone() ? null : n);
        }
    }

    private static String campaignId(Exchange exchange) {
        return exchange.getProperty(Props.CAMPAIGN_ID, String.class);
    }

    private static final class InFlight {
        private long count;

        synchronized void add() {
            count++;
        }

        synchronized void remove() {
            if (--count == 0) {
                notifyAll();
            }
        }

        synchronized boolean isNone() {
            return count == 0;
        }

        synchronized void awaitNone() throws InterruptedException {
            while (count > 0) {
                wait();
            }
        }
    }
}
