package dev.teamsproactive.observe;

import java.time.Instant;
import java.util.Map;

/**
 * A campaign as the status page, the {@code status} command and the progress lines show it.
 *
 * @param done         rows with a final status (sent + failed + inDoubt + skipped)
 * @param status       RUNNING (a live run holds it), INTERRUPTED (left RUNNING in the ledger, but no live run holds
 *                     its lease: it resumes when its file is dropped again or the service starts), FINISHED, or
 *                     FAILED (the campaign as a whole failed; {@code failure} says why)
 * @param failedByCode FAILED rows by their code (the service's error code or the HTTP status)
 * @param responded    recipients who answered the campaign's card (each counted once)
 * @param read         recipients whose message a read receipt says was read (0 without read receipts)
 */
public record CampaignView(String id, String source, String template, String status, long total, long done, long sent,
        long failed, long inDoubt, long skipped, long throttled, Instant startedAt, Instant finishedAt,
        Map<String, Long> failedByCode, String failure, long responded, long read) {

    public boolean running() {
        return "RUNNING".equals(status);
    }
}
