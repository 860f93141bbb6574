package dev.teamsproactive.ledger;

/**
 * What {@link Ledger#claimRow} found for one recipient row.
 *
 * @param status the row's status now ({@code PENDING} unless {@code ALREADY_FINAL})
 */
public record RowClaim(Result result, DeliveryStatus status) {

    public enum Result {
        /** The row is new and now PENDING: go on with this recipient. */
        NEW,
        /** The row already has a final status (the same file again): send nothing, record nothing. */
        ALREADY_FINAL,
        /** The row was left PENDING by an earlier run: claimable, go on with this recipient. */
        PENDING_EXISTS
    }

    /** True when the caller should go on with this recipient. */
    public boolean claimed() {
        return result != Result.ALREADY_FINAL;
    }
}
