package dev.teamsproactive.ledger;

/**
 * Where one recipient row of a campaign stands. {@link #PENDING} (to do) and {@link #SENDING} (its message
 * is being posted) are not final; every other status is.
 */
public enum DeliveryStatus {
    PENDING, SENDING, SENT, FAILED, IN_DOUBT, SKIPPED;

    public boolean isFinal() {
        return this != PENDING && this != SENDING;
    }
}
