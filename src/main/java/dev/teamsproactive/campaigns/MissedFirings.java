package dev.teamsproactive.campaigns;

import dev.teamsproactive.ledger.CampaignStatus;
import dev.teamsproactive.ledger.Ledger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The firings missed while the service was down, to run at its start ({@link MisfirePolicy}, within the misfire
 * grace): each campaign's latest firing that the ledger does not have FINISHED.
 */
final class MissedFirings {
    /** The schedules' log lines keep one name. */
    private static final Logger LOG = LoggerFactory.getLogger(CampaignSchedules.class);

    private final Ledger ledger;
    private final Duration misfireGrace;

    MissedFirings(Ledger ledger, Duration misfireGrace) {
        this.ledger = ledger;
        this.misfireGrace = misfireGrace;
    }

    List<Firing> of(Collection<CampaignDefinition> campaigns, Instant now) {
        List<Firing> missed = new ArrayList<>();
        for (CampaignDefinition campaign : campaigns) {
            MisfirePolicy.latestMissed(campaign, now, misfireGrace, at -> finished(campaign, at)).ifPresent(at -> {
                LOG.info("Campaign {}: the firing of {} was missed while the service was down; it runs now",
                        campaign.name(), at);
                missed.add(new Firing(campaign.name(), at));
            });
        }
        return missed;
    }

    private boolean finished(CampaignDefinition campaign, Instant at) {
        return ledger.findCampaign(FiringIds.of(campaign, at)).map(c -> c.status() == CampaignStatus.FINISHED)
                .orElse(false);
    }
}
