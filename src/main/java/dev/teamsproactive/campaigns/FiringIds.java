package dev.teamsproactive.campaigns;

import dev.teamsproactive.ledger.CampaignIds;
import java.time.Instant;

/**
 * Campaign ids of scheduled firings and of dry runs. A firing's id is its campaign's name plus the time it
 * was scheduled for, so the same firing is the same campaign in the ledger however often it is started. A
 * dry run has an id of its own, so it never counts as the real campaign having been sent.
 */
public final class FiringIds {
    public static final String DRY_RUN_SUFFIX = "-dry-run";

    private FiringIds() {
    }

    public static String of(CampaignDefinition campaign, Instant scheduledAt) {
        return dryRun(CampaignIds.forSchedule(campaign.name(), scheduledAt), campaign.dryRun());
    }

    public static String dryRun(String campaignId, boolean dryRun) {
        return dryRun ? campaignId + DRY_RUN_SUFFIX : campaignId;
    }
}
