package dev.teamsproactive.ledger;

public enum CampaignStatus {
    RUNNING, FINISHED
}
