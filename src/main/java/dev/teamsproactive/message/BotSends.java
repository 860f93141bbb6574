package dev.teamsproactive.message;

import dev.teamsproactive.props.Props;
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
    private final CampaignShares shares;

    /** @param room how many recipients the bot-send stage holds at once: its queue plus its workers */
    public BotSends(int room) {
        this.shares = new CampaignShares(room);
    }

    /**
     * Counts this recipient until its exchange completes (the count moves with it onto the seda queue); waits first
     * while its campaign already holds its share of the stage.
     */
    public void handOff(Exchange exchange) throws InterruptedException {
        CampaignShares.Share inFlight = shares.of(campaignId(exchange));
        shares.enter(inFlight);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                inFlight.leave();
            }
        });
    }

    /** Waits until none of the campaign's recipients is still in the bot-send stage. */
    public void awaitAll(Exchange exchange) throws InterruptedException {
        String campaignId = campaignId(exchange);
        CampaignShares.Share inFlight = shares.find(campaignId);
        if (inFlight != null) {
            inFlight.awaitNone();
            shares.forgetIfNone(campaignId);
        }
    }

    private static String campaignId(Exchange exchange) {
        return exchange.getProperty(Props.CAMPAIGN_ID, String.class);
    }
}
