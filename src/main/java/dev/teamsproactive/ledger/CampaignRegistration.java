package dev.teamsproactive.ledger;

/**
 * What {@link Ledger#registerCampaign} found.
 *
 * @param isNew    true when this call created the campaign; false when it was already known
 *                 (the same file dropped again, or a restart), in which case {@code progress} tells
 *                 how far it had got
 */
public record CampaignRegistration(Campaign campaign, boolean isNew, Progress progress) {
}
