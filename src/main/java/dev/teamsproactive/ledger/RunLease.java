package dev.teamsproactive.ledger;

import java.time.Instant;

/**
 * What {@link Ledger#takeLease} found: whether this run now holds the campaign, and if not who does.
 *
 * @param taken          true when the caller holds the lease now
 * @param holder         the run holding it when not taken (its owner id), else the caller
 * @param expiresAt      when the holder's lease lapses unless renewed
 * @param markedInDoubt  rows a dead run left SENDING, now IN_DOUBT (only when taken)
 */
public record RunLease(boolean taken, String holder, Instant expiresAt, int markedInDoubt) {
}
