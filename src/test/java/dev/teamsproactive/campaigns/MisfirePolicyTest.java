package dev.teamsproactive.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which missed firing runs at start: the latest within the grace period, once, unless it finished. */
class MisfirePolicyTest {
    /** Mondays at 9:00 in Berlin (8:00 UTC in winter). */
    private static final CampaignDefinition WEEKLY = new CampaignDefinition("digest", "campaigns/digest.yaml",
            "0 0 9 ? * MON", ZoneId.of("Europe/Berlin"), null,
            new Audience(Audience.Kind.ALL_USERS, null, null, null, null, Audience.ENABLED_MEMBERS), Map.of(), null, null,
            true, false);
    private static final Instant MONDAY_NINE = Instant.parse("2026-11-23T08:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void theLatestFiringWithinTheGracePeriodRunsOnce() {
        assertThat(MisfirePolicy.latestMissed(WEEKLY, MONDAY_NINE.plusSeconds(1800), HOUR, at -> false))
                .contains(MONDAY_NINE);
        assertThat(MisfirePolicy.latestMissed(WEEKLY, MONDAY_NINE, HOUR, at -> false)).contains(MONDAY_NINE);
    }

    @Test
    void aFinishedFiringIsNotRunAgain() {
        assertThat(MisfirePolicy.latestMissed(WEEKLY, MONDAY_NINE.plusSeconds(60), HOUR, Set.of(MONDAY_NINE)::contains))
                .isEmpty();
    }

    @Test
    void aFiringOlderThanTheGracePeriodIsSkipped() {
        assertThat(MisfirePolicy.latestMissed(WEEKLY, MONDAY_NINE.plus(Duration.ofHours(2)), HOUR, at -> false)).isEmpty();
        assertThat(MisfirePolicy.latestMissed(WEEKLY, MONDAY_NINE.minusSeconds(1), HOUR, at -> false)).isEmpty();
    }

    @Test
    void onlyTheLatestOfSeveralMissedFiringsRuns() {
        CampaignDefinition everyMinute = new CampaignDefinition("pulse", "campaigns/pulse.yaml", "0 * * * * ?",
                ZoneId.of("UTC"), null, WEEKLY.audience(), Map.of(), null, null, true, false);
        assertThat(MisfirePolicy.latestMissed(everyMinute, Instant.parse("2026-11-23T08:10:30Z"), HOUR, at -> false))
                .contains(Instant.parse("2026-11-23T08:10:00Z"));
    }

    @Test
    void disabledCampaignsAndFiringsOutsideTheirDatesAreNotCaughtUp() {
        CampaignDefinition disabled = new CampaignDefinition("digest", "x", WEEKLY.cron(), WEEKLY.timeZone(), null,
                WEEKLY.audience(), Map.of(), null, null, false, false);
        CampaignDefinition ended = new CampaignDefinition("digest", "x", WEEKLY.cron(), WEEKLY.timeZone(), null,
                WEEKLY.audience(), Map.of(), null, MONDAY_NINE.minusSeconds(1), true, false);
        assertThat(MisfirePolicy.latestMissed(disabled, MONDAY_NINE.plusSeconds(60), HOUR, at -> false)).isEmpty();
        assertThat(MisfirePolicy.latestMissed(ended, MONDAY_NINE.plusSeconds(60), HOUR, at -> false)).isEmpty();
    }
}
