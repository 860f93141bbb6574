package dev.teamsproactive.observe;

import java.time.Instant;
import java.util.Map;

/**
 * A campaign as the status page, the {@code status} command and the progress lines show it.
 *
 * @param done         rows with a final status (sent + failed + inDoubt + skipped)
 * @param failedByCode FAILED rows by their code (the service's error code or the HTTP status)
 */
public record CampaignView(String id, String source, String template, String status, long total, long done, long sent,
        long failed, long inDoubt, long skipped, long throttled, Instant startedAt, Instant finishedAt,
        Map<String, Long> failedByCode) {

    public boolean running() {
        return "RUNNING".equals(status);
    }
}
