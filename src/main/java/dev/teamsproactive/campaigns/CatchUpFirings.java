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
 * The firings to run now that no schedule fires again ({@link MisfirePolicy}, within the misfire grace): those missed
 * while the service was down, and in cluster mode those interrupted (their member died or stopped).
 */
final class CatchUpFirings {
    /** The schedules' log lines keep one name. */
    private static final Logger LOG = LoggerFactory.getLogger(CampaignSchedules.class);

    private final Ledger ledger;
    private final Duration misfireGrace;

    CatchUpFirings(Ledger ledger, Duration misfireGrace) {
        this.ledger = ledger;
        this.misfireGrace = misfireGrace;
    }

    /** Each campaign's latest firing not FINISHED in the ledger. */
    List<Firing> missed(Collection<CampaignDefinition> campaigns, Instant now) {
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

    /** Each campaign's latest firing still running with no live run holding it. */
    List<Firing> interrupted(Collection<CampaignDefinition> campaigns, Instant now) {
        List<Firing> interrupted = new ArrayList<>();
        for (CampaignDefinition campaign : campaigns) {
            MisfirePolicy.latestMissed(campaign, now, misfireGrace, at -> !ledger.interrupted(FiringIds.of(campaign, at)))
                    .ifPresent(at -> {
                        LOG.info("Campaign {}: the firing of {} was interrupted (its run stopped or died); it resumes here",
                                campaign.name(), at);
                        interrupted.add(new Firing(campaign.name(), at));
                    });
        }
        return interrupted;
    }

    private boolean finished(CampaignDefinition campaign, Instant at) {
        return ledger.findCampaign(FiringIds.of(campaign, at)).map(c -> c.status() == CampaignStatus.FINISHED)
                .orElse(false);
    }
}
