package dev.teamsproactive.campaigns;

import dev.teamsproactive.props.Props;
import dev.teamsproactive.recipients.Recipient;
import dev.teamsproactive.recipients.RecipientStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Campaigns running at once on one instance share its recipient workers evenly. A campaign's split reads its next
 * recipient only while fewer than its share of the instance's room are open (read and not yet final): without that, a
 * campaign that starts beside a running one (another member's campaign taken over, a second file) finds every worker
 * of the Graph stage holding the first one's recipients and sends next to nothing until the first one ends. Alone, a
 * campaign has the whole room, as before.
 */
public final class RecipientShares {
    private final Map<String, Open> campaigns = new ConcurrentHashMap<>();
    private final int room;

    /** @param room how many recipients an instance works on at once: the Graph stage's workers and bot-send's */
    public RecipientShares(int room) {
        this.room = room;
    }

    /** The campaign's rows, each read once the campaign has room for it; closing it forgets the campaign. */
    public RecipientStream gated(String campaignId, RecipientStream rows) {
        Open open = new Open();
        campaigns.put(campaignId, open);
        return new RecipientStream() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Recipient next() {
                try {
                    open.addWithin(() -> Math.max(1, room / (1 + othersOpen(open))));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for room", e);
                }
                return rows.next();
            }

            @Override
            public String recipientColumn() {
                return rows.recipientColumn();
            }

            @Override
            public void close() {
                campaigns.remove(campaignId, open);
                rows.close();
            }
        };
    }

    /** A recipient's exchange, first thing: its campaign's room is given back once it is done, whatever its outcome. */
    public void track(Exchange recipient) {
        Open open = campaigns.get(recipient.getProperty(Props.CAMPAIGN_ID, String.class));
        if (open == null) {
            return;
        }
        recipient.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                open.remove();
            }
        });
    }

    private int othersOpen(Open self) {
        int others = 0;
        for (Open campaign : campaigns.values()) {
            if (campaign != self && campaign.count > 0) {
                others++;
            }
        }
        return others;
    }

    private static final class Open {
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
    }
}
