package dev.teamsproactive.ledger;

/**
 * What {@link Ledger#claimUser} found for a resolved user.
 *
 * @param holderLine   the line that holds this user in the campaign (this line when {@code OK})
 * @param holderStatus that line's status now
 */
public record UserClaim(Result result, int holderLine, DeliveryStatus holderStatus) {

    public enum Result {
        /** This line holds the user and nothing was sent to them yet: send. */
        OK,
        /**
         * Another line of the campaign holds this user (sent or not): record this row SKIPPED with
         * code {@code DuplicateRecipient}.
         */
        DUPLICATE,
        /**
         * This line already holds the user and its row is SENT: send nothing, record nothing. Only
         * reachable when a caller skipped {@link Ledger#claimRow}, which reports such a row as
         * ALREADY_FINAL.
         */
        ALREADY_SENT
    }

    public boolean isOk() {
        return result == Result.OK;
    }
}
