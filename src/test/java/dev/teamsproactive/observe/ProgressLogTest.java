package dev.teamsproactive.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.ledger.DeliveryStatus;
import dev.teamsproactive.ledger.Ledger;
import dev.teamsproactive.ledger.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The progress lines of running campaigns: counts, rate and ETA, on each tick while a campaign moves. */
class ProgressLogTest {
    private final Ledger ledger = Ledger.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final CampaignBoard board = new CampaignBoard(ledger.dataSource());
    private final List<String> lines = new ArrayList<>();
    private Instant now = Instant.parse("2026-11-26T10:00:00Z");
    private final ProgressLog progress = new ProgressLog(board, Duration.ofSeconds(5), new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }, lines::add);

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void aCampaignGetsItsFirstLineAsItStartsEvenIfItEndsBeforeTheNextTick() {
        ledger.registerCampaign("short-1", "short.csv", "default", 8);
        progress.started("short-1");
        assertThat(lines).containsExactly(
                "Progress campaign=short-1 done=0/8 (0%) sent=0 failed=0 inDoubt=0 skipped=0 rate=- eta=-");

        progress.logRunning();
        assertThat(lines).as("the tick does not repeat it").hasSize(1);
        progress.started("no-such-campaign");
        assertThat(lines).hasSize(1);
    }

    @Test
    void aRunningCampaignGetsALineWithCountsRateAndEta() {
        ledger.registerCampaign("big-1", "big.csv", "default", 1000);
        record("big-1", 1, 100, DeliveryStatus.SENT);
        progress.logRunning();
        assertThat(lines).containsExactly(
                "Progress campaign=big-1 done=100/1000 (10%) sent=100 failed=0 inDoubt=0 skipped=0 rate=- eta=-");

        now = now.plusSeconds(1);
        record("big-1", 101, 110, DeliveryStatus.SENT);
        progress.logRunning();
        assertThat(lines).as("moved, but within the interval").hasSize(1);

        now = now.plusSeconds(9);
        record("big-1", 111, 290, DeliveryStatus.SENT);
        record("big-1", 291, 300, DeliveryStatus.FAILED);
        progress.logRunning();
        // 200 more in 10 s: 20/s, 700 left: 35 s.
        assertThat(lines.get(1)).isEqualTo(
                "Progress campaign=big-1 done=300/1000 (30%) sent=290 failed=10 inDoubt=0 skipped=0 rate=20.0/s eta=35s");
    }

    @Test
    void aCampaignThatDoesNotMoveIsRepeatedOnlyOnceAMinuteAndAFinishedOneNoMore() {
        ledger.registerCampaign("slow-1", "slow.csv", "default", 10);
        progress.logRunning();
        now = now.plusSeconds(5);
        progress.logRunning();
        assertThat(lines).hasSize(1);
        now = now.plus(Duration.ofMinutes(1));
        progress.logRunning();
        assertThat(lines).hasSize(2);
        record("slow-1", 1, 10, DeliveryStatus.SENT);
        ledger.finishCampaign("slow-1");
        now = now.plusSeconds(5);
        progress.logRunning();
        assertThat(lines).hasSize(2);
    }

    @Test
    void durationsReadAsMinutesAndHours() {
        assertThat(ProgressLog.duration(59)).isEqualTo("59s");
        assertThat(ProgressLog.duration(121)).isEqualTo("2m01s");
        assertThat(ProgressLog.duration(3 * 3600 + 5 * 60)).isEqualTo("3h05m");
    }

    private void record(String campaign, int fromLine, int toLine, DeliveryStatus status) {
        List<Outcome> outcomes = new ArrayList<>();
        for (int line = fromLine; line <= toLine; line++) {
            outcomes.add(new Outcome(campaign, line, "user" + line + "@contoso.example", null, status,
                    status == DeliveryStatus.FAILED ? "Forbidden" : null, null, null, null, 1));
        }
        ledger.recordOutcomes(outcomes);
    }
}
