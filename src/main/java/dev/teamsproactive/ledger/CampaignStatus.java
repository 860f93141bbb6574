package dev.teamsproactive.ledger;

public enum CampaignStatus {
    RUNNING, FINISHED,
    /** The campaign as a whole failed (its reason in the ledger); dropped again, it runs again. */
    FAILED
}
