package dev.teamsproactive.ledger;

/**
 * How far a campaign got.
 *
 * @param done    rows with a final status: {@code sent + failed + inDoubt + skipped}
 * @param pending recipients without a final status yet, whether or not their row was claimed:
 *                {@code total - done} (never below zero)
 */
public record Progress(long total, long done, long sent, long failed, long inDoubt, long skipped, long pending) {

    public boolean isComplete() {
        return done >= total;
    }
}
