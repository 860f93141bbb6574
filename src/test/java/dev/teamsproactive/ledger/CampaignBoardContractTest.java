package dev.teamsproactive.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.observe.CampaignBoard;
import dev.teamsproactive.observe.CampaignView;
import dev.teamsproactive.observe.Timeline;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The status page's questions to the ledger give the same answers on every database the ledger runs on. */
abstract class CampaignBoardContractTest {
    private Ledger ledger;
    private CampaignBoard board;

    protected abstract String newJdbcUrl();

    @BeforeEach
    void open() {
        ledger = Ledger.open(newJdbcUrl(), "postgres", "");
        board = new CampaignBoard(ledger.dataSource());
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void aCampaignWhoseRunWasKilledIsInterruptedAndOneThatFailedIsFailedWithItsReason() {
        ledger.registerCampaign("killed-1", "killed.csv", "default", 3);
        // The run that held it died; its lease lapsed.
        ledger.takeLease("killed-1", "host/1/1/dead", Instant.now().minusSeconds(1), owner -> false);
        ledger.registerCampaign("live-2", "live.csv", "default", 3);
        ledger.takeLease("live-2", "host/2/2/live", Instant.now().plusSeconds(60), owner -> false);
        ledger.registerCampaign("failed-3", "group.json", "default", 0);
        ledger.failCampaign("failed-3", "GET /v1.0/groups/…/transitiveMembers answered 404");

        assertThat(board.find("killed-1").orElseThrow().status()).isEqualTo("INTERRUPTED");
        assertThat(board.find("live-2").orElseThrow().status()).isEqualTo("RUNNING");
        CampaignView failed = board.find("failed-3").orElseThrow();
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.failure()).contains("404");
        assertThat(failed.finishedAt()).isNotNull();
        assertThat(board.running()).extracting(CampaignView::id).containsExactly("live-2");

        // A failed campaign started again runs again.
        ledger.registerCampaign("failed-3", "group.json", "default", 0);
        assertThat(board.find("failed-3").orElseThrow().status()).isNotEqualTo("FAILED");
    }

    @Test
    void campaignsAreListedNewestFirstWithTheirCountsAndTimeline() {
        ledger.registerCampaign("first-1", "inbox/first.csv", "default", 4);
        ledger.recordOutcomes(List.of(
                new Outcome("first-1", 2, "ada", "u1", DeliveryStatus.SENT, null, null, "c1", "a1", 1),
                new Outcome("first-1", 3, "bob", "u2", DeliveryStatus.FAILED, "ConversationBlockedByUser", "403", null, null, 1),
                new Outcome("first-1", 4, "pat", "u3", DeliveryStatus.FAILED, "Forbidden", "403", null, null, 0),
                new Outcome("first-1", 5, "dup", "u1", DeliveryStatus.SKIPPED, "DuplicateRecipient", null, null, null, 0)));
        ledger.finishCampaign("first-1");
        ledger.registerCampaign("second-2", "inbox/second.csv", "notice", 10);
        ledger.claimRow("second-2", 2, "grace");

        List<CampaignView> latest = board.latest();
        assertThat(latest).extracting(CampaignView::id).containsExactly("second-2", "first-1");
        CampaignView first = latest.get(1);
        assertThat(first.status()).isEqualTo("FINISHED");
        assertThat(List.of(first.total(), first.done(), first.sent(), first.failed(), first.inDoubt(), first.skipped()))
                .containsExactly(4L, 4L, 1L, 2L, 0L, 1L);
        assertThat(first.failedByCode()).containsOnly(Map.entry("ConversationBlockedByUser", 1L), Map.entry("Forbidden", 1L));
        assertThat(first.finishedAt()).isNotNull();
        assertThat(latest.get(0).done()).as("a claimed row is not done").isZero();
        assertThat(board.running()).extracting(CampaignView::id).containsExactly("second-2");
        assertThat(board.find("nope")).isEmpty();

        Timeline timeline = board.timeline(first, Instant.now());
        Timeline.Point last = timeline.points().get(timeline.points().size() - 1);
        assertThat(last.sent()).isEqualTo(1);
        assertThat(last.skipped()).isEqualTo(1);
        assertThat(last.failedByCode()).containsOnly(Map.entry("ConversationBlockedByUser", 1L), Map.entry("Forbidden", 1L));
    }
}
