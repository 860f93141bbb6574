package dev.teamsproactive.ledger;

import java.time.Instant;

/**
 * A campaign as the ledger holds it.
 *
 * @param source     where its recipients came from (a file name or a schedule's name)
 * @param total      how many recipient rows it has
 * @param finishedAt null while it runs
 * @param throttled  the 429 answers it met
 */
public record Campaign(String id, String source, String template, long total, CampaignStatus status,
        Instant startedAt, Instant finishedAt, long throttled) {
}
