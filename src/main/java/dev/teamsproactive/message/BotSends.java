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
 *
 * <p>Campaigns running at once share the stage evenly: each holds at most its share of the stage's room (its queue
 * and its workers). Without that, a campaign that starts beside a running one (another member's campaign taken
 * over, a second file) would wait at the full queue behind the first one's workers, which take every freed place
 * first, and send nothing until the first one ends.
 */
public final class BotSends {
    private final Map<String, InFlight> campaigns = new ConcurrentHashMap<>();
    private final int room;

    /** @param room how many recipients the bot-send stage holds at once: its queue plus its workers */
    public BotSends(int room) {
        this.room = room;
    }

    /**
     * Counts this recipient until its exchange completes (the count moves with it onto the seda queue); waits first
     * while its campaign already holds its share of the stage.
     */
    public void handOff(Exchange exchange) throws InterruptedException {
        InFlight inFlight = campaigns.computeIfAbsent(campaignId(exchange), id -> new InFlight());
        inFlight.addWithin(() -> Math.max(1, room / (1 + othersSending(inFlight))));
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

    /** The other campaigns with recipients in the stage now (one that ended early may have left its count at 0). */
    private int othersSending(InFlight self) {
        int others = 0;
        for (InFlight campaign : campaigns.values()) {
            if (campaign != self && campaign.count > 0) {
                others++;
            }
        }
        return others;
    }

    private static String campaignId(Exchange exchange) {
        return exchange.getProperty(Props.CAMPAIGN_ID, String.class);
    }

    private static final class InFlight {
        /** Volatile: the other campaigns read it without this one's lock. */
        private volatile long count;

        /** Waits while the campaign holds its share (which grows when another campaign ends: looked at again soon). */
        synchronized void addWithin(java.util.function.IntSupplier share) throws InterruptedException {
            while (count >= share.getAsInt()) {
                wait(50);
            }
            count++;
        }

        synchronized void remove() {
            count--;
            notifyAll();
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
