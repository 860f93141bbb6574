package dev.teamsproactive.campaigns;

import dev.teamsproactive.ledger.Ledger;
import dev.teamsproactive.props.Props;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A campaign that failed as a whole (routes/2-campaign.camel.yaml): FAILED in the ledger with its reason, so the
 * status page, {@code status} and the progress lines stop showing it RUNNING. The failure then goes on to the
 * caller as it was (the inbox sets the file aside, {@code send} exits non-zero).
 */
public final class FailedCampaigns {
    private static final Logger LOG = LoggerFactory.getLogger(FailedCampaigns.class);
    private final Ledger ledger;

    public FailedCampaigns(Ledger ledger) {
        this.ledger = ledger;
    }

    public void record(Exchange exchange) throws Exception {
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String campaignId = exchange.getProperty(Props.CAMPAIGN_ID, String.class);
        // Rejected before it was registered (a bad file, an unknown template): there is no campaign to end.
        if (campaignId != null && ledger.findCampaign(campaignId).isPresent()) {
            String reason = caught == null ? "failed" : caught.getMessage() != null ? caught.getMessage() : caught.toString();
            if (ledger.failCampaign(campaignId, reason)) {
                if (caught instanceof RuntimeException && caught.getMessage() == null) {
                    // A bug, not a refusal with a reason (NullPointerException and the like): where it happened.
                    LOG.warn("Campaign {} FAILED: {}", campaignId, reason, caught);
                } else {
                    LOG.warn("Campaign {} FAILED: {}", campaignId, reason);
                }
            }
        }
        if (caught != null) {
            throw caught;
        }
    }
}
