package dev.teamsproactive.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.ledger.Ledger;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A campaign's durationMs is the time its runs worked on it: the downtime between a stop and a resume is left out. */
class CampaignDurationTest {
    private static final String CAMPAIGN = "resumed-0123456789ab";

    @TempDir
    Path work;

    @Test
    void theDowntimeBetweenAStopAndAResumeIsNotCounted() throws Exception {
        try (Ledger ledger = Ledger.open("jdbc:h2:file:" + work.resolve("ledger"), "sa", "")) {
            ledger.registerCampaign(CAMPAIGN, "resumed.csv", "default", 0);
            ledger.takeLease(CAMPAIGN, "host/1/1/first", Instant.now().plusSeconds(60), owner -> false);
            Thread.sleep(300);
            ledger.releaseLease(CAMPAIGN, "host/1/1/first");
            // The service is down.
            Thread.sleep(2_000);
            ledger.takeLease(CAMPAIGN, "host/2/2/second", Instant.now().plusSeconds(60), owner -> false);
            Thread.sleep(300);
            ledger.finishCampaign(CAMPAIGN);

            CampaignSummary summary = CampaignSummary.of(ledger, CAMPAIGN);

            assertThat(summary.durationMs()).isBetween(600L, 1_800L);
            assertThat(summary.finishedAt().toEpochMilli() - summary.startedAt().toEpochMilli()).isGreaterThan(2_500L);
        }
    }
}
