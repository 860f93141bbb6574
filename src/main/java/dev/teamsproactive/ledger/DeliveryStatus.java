package dev.teamsproactive.ledger;

/** Where one recipient row of a campaign stands; every status but {@link #PENDING} is final. */
public enum DeliveryStatus {
    PENDING, SENT, FAILED, IN_DOUBT, SKIPPED;

    public boolean isFinal() {
        return this != PENDING;
    }
}
