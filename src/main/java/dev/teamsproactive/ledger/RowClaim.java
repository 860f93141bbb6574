package dev.teamsproactive.ledger;

/**
 * What {@link Ledger#claimRow} found for one recipient row.
 *
 * @param status   the row's status now ({@code PENDING} unless {@code ALREADY_FINAL})
 * @param attempts sends already tried for the row (a resent row goes on counting)
 */
public record RowClaim(Result result, DeliveryStatus status, int attempts) {

    public RowClaim(Result result, DeliveryStatus status) {
        this(result, status, 0);
    }

    public enum Result {
        /** The row is new and now PENDING: go on with this recipient. */
        NEW,
        /** The row already has a final status (the same file again): send nothing, record nothing. */
        ALREADY_FINAL,
        /**
         * The row was left PENDING by an earlier run (a stop, a crash, or a resend reopened it): go on with
         * this recipient. (A row left SENDING by a run that died is IN_DOUBT once the campaign's lease is taken.)
         */
        PENDING_EXISTS
    }

    /** True when the caller should go on with this recipient. */
    public boolean claimed() {
        return result != Result.ALREADY_FINAL;
    }
}
