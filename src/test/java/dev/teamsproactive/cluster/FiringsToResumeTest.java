package dev.teamsproactive.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.campaigns.CampaignDefinition;
import dev.teamsproactive.campaigns.FiringIds;
import dev.teamsproactive.ledger.EmbeddedPostgresDatabases;
import dev.teamsproactive.ledger.Ledger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A schedule firing every 2 s on a cluster: a member stopping or dying may leave any of its firings unfinished, not
 * only the latest, and one handed to it as it stopped may not have reached the ledger at all. Each such firing is
 * run again by another member; a finished one, one still held by a live run, and one due before any member fired
 * schedules (the misfire policy's) are not.
 */
class FiringsToResumeTest {
    @RegisterExtension
    static final EmbeddedPostgresDatabases POSTGRES = new EmbeddedPostgresDatabases();

    /** When the member started firing schedules: an even second, two minutes ago. */
    private static final Instant STARTED = Instant.ofEpochSecond(Instant.now().getEpochSecond() / 2 * 2 - 120);
    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final CampaignDefinition PULSE = new CampaignDefinition("pulse", "campaigns/pulse.yaml",
            "0/2 * * * * ?", ZoneId.of("UTC"), null, null, Map.of(), null, null, true, false);

    private Ledger ledger;

    @BeforeEach
    void openLedger() {
        ledger = Ledger.open(POSTGRES.newDatabase(), "postgres", "");
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    /** The firing {@code seconds} after the start, registered in the ledger. */
    private String firing(int seconds) {
        String id = FiringIds.of(PULSE, at(seconds));
        ledger.registerCampaign(id, "campaigns/pulse.yaml at " + at(seconds), "", 1);
        return id;
    }

    private static Instant at(int seconds) {
        return STARTED.plusSeconds(seconds);
    }

    @Test
    void everyUnfinishedFiringComesBackNotOnlyTheLatest() {
        Instant now = STARTED.plusSeconds(30);
        // +2 s and +4 s finished; +6 s stopped with its member (lease given back); +8 s died with its member (lease lapsed);
        // +10 s still running on a live member; +12 s … +30 s finished, except +14 s, never registered (its member
        // stopped as Quartz handed it over).
        Instant wallClock = Instant.now();
        ledger.finishCampaign(firing(2));
        ledger.finishCampaign(firing(4));
        String stopped = firing(6);
        assertThat(ledger.takeLease(stopped, "host/1/1/run", wallClock.plusSeconds(60), owner -> false).taken()).isTrue();
        ledger.releaseLease(stopped, "host/1/1/run");
        String died = firing(8);
        assertThat(ledger.takeLease(died, "host/2/1/run", wallClock.minusSeconds(1), owner -> false).taken()).isTrue();
        String live = firing(10);
        assertThat(ledger.takeLease(live, "host/3/1/run", wallClock.plusSeconds(60), owner -> false).taken()).isTrue();
        for (int s = 12; s <= 30; s += 2) {
            if (s != 14) {
                ledger.finishCampaign(firing(s));
            }
        }
        FiringsToResume firings = new FiringsToResume(ledger.dataSource(), Duration.ofHours(1), LEASE, at(1));

        // +0 s was due before this member fired schedules and the ledger never saw it: the misfire policy's.
        assertThat(firings.of(PULSE, now)).containsExactly(at(6), at(8), at(14));
    }

    @Test
    void aFiringTheLedgerDoesNotKnowYetIsLeftToItsMemberForALease() {
        Instant now = STARTED.plusSeconds(20);
        for (int s = 2; s <= 12; s += 2) {
            ledger.finishCampaign(firing(s));
        }
        FiringsToResume firings = new FiringsToResume(ledger.dataSource(), Duration.ofHours(1), LEASE, at(1));

        // +14 s … +20 s are not in the ledger yet, but they are younger than a lease: still on their way.
        assertThat(firings.of(PULSE, now)).isEmpty();
    }
}
