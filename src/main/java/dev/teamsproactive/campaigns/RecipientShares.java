package dev.teamsproactive.campaigns;

import dev.teamsproactive.message.CampaignShares;
import dev.teamsproactive.props.Props;
import dev.teamsproactive.recipients.Recipient;
import dev.teamsproactive.recipients.RecipientStream;
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
    private final CampaignShares shares;

    /** @param room how many recipients an instance works on at once: the Graph stage's workers and bot-send's */
    public RecipientShares(int room) {
        this.shares = new CampaignShares(room);
    }

    /** The campaign's rows, each read once the campaign has room for it; closing it forgets the campaign. */
    public RecipientStream gated(String campaignId, RecipientStream rows) {
        CampaignShares.Share open = shares.start(campaignId);
        return new RecipientStream() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Recipient next() {
                try {
                    shares.enter(open);
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
                shares.forget(campaignId, open);
                rows.close();
            }
        };
    }

    /** A recipient's exchange, first thing: its campaign's room is given back once it is done, whatever its outcome. */
    public void track(Exchange recipient) {
        CampaignShares.Share open = shares.find(recipient.getProperty(Props.CAMPAIGN_ID, String.class));
        if (open == null) {
            return;
        }
        recipient.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                open.leave();
            }
        });
    }
}
