package dev.teamsproactive.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What crash safety relies on from the ledger (docs/guarantees.md), on every database it supports: the run
 * lease, the SENDING mark before each post, IN_DOUBT for what a dead run left SENDING, and reopening rows
 * for a resend.
 */
abstract class CrashSafetyContractTest {
    private static final String CAMPAIGN = "q3-update-0123456789ab";
    private static final String RUN_A = "host/1/1/a";
    private static final String RUN_B = "host/2/2/b";

    private Ledger ledger;

    protected abstract String newJdbcUrl();

    @BeforeEach
    void openLedger() {
        ledger = Ledger.open(newJdbcUrl(), null, null);
    }

    @AfterEach
    void closeLedger() {
        ledger.close();
    }

    @Test
    void aRowIsMarkedSendingOnceAndOnlyByTheLeaseHolder() {
        ledger.registerCampaign(CAMPAIGN, "q3.csv", "welcome", 1);
        ledger.claimRow(CAMPAIGN, 1, "ada");

        assertThat(ledger.markSending(CAMPAIGN, 1, RUN_A, 1)).as("without the lease").isFalse();
        assertThat(lease(RUN_A).taken()).isTrue();
        assertThat(ledger.markSending(CAMPAIGN, 1, RUN_B, 1)).as("another run").isFalse();
        assertThat(ledger.markSending(CAMPAIGN, 1, RUN_A, 1)).isTrue();
        assertThat(ledger.markSending(CAMPAIGN, 1, RUN_A, 1)).as("twice").isFalse();
        assertThat(rows().get(0).status()).isEqualTo(DeliveryStatus.SENDING);
        assertThat(ledger.claimRow(CAMPAIGN, 1, "ada").claimed()).isTrue();

        // The answer recorded right after the post finishes the row.
        ledger.recordOutcome(Outcome.sent(CAMPAIGN, 1, "ada", "u-ada", "19:a", "1:a", 1));
        assertThat(ledger.progress(CAMPAIGN)).isEqualTo(new Progress(1, 1, 1, 0, 0, 0, 0));
        assertThat(ledger.markSending(CAMPAIGN, 1, RUN_A, 2)).as("a sent row").isFalse();
    }

    @Test
    void aLiveHoldersLeaseIsRefusedUntilItLapsesOrItsProcessIsGone() {
        ledger.registerCampaign(CAMPAIGN, "q3.csv", "welcome", 1);
        assertThat(lease(RUN_A).taken()).isTrue();

        RunLease refused = lease(RUN_B);
        assertThat(refused.taken()).isFalse();
        assertThat(refused.holder()).isEqualTo(RUN_A);
        assertThat(refused.expiresAt()).isAfter(Instant.now());
        assertThat(lease(RUN_A).taken()).as("the holder again").isTrue();
        assertThat(ledger.takeLease(CAMPAIGN, RUN_B, soon(), owner -> owner.equals(RUN_A)).taken())
                .as("the holder's process is gone").isTrue();

        // A lease that lapsed (the holder stopped renewing) is taken over; one given back is free at once.
        assertThat(ledger.takeLease(CAMPAIGN, RUN_B, Instant.now().minusSeconds(1), owner -> false).taken()).isTrue();
        assertThat(lease(RUN_A).taken()).isTrue();
        assertThat(ledger.renewLease(CAMPAIGN, RUN_B, soon())).as("B lost it").isFalse();
        assertThat(ledger.renewLease(CAMPAIGN, RUN_A, soon())).isTrue();
        ledger.releaseLease(CAMPAIGN, RUN_B);
        assertThat(lease(RUN_B).taken()).as("only the holder gives it back").isFalse();
        ledger.releaseLease(CAMPAIGN, RUN_A);
        assertThat(lease(RUN_B).taken()).isTrue();
    }

    @Test
    void takingOverMarksRowsADeadRunLeftSendingInDoubtAndLeavesPendingRowsToDo() {
        ledger.registerCampaign(CAMPAIGN, "q3.csv", "welcome", 3);
        lease(RUN_A);
        for (int line = 1; line <= 3; line++) {
            ledger.claimRow(CAMPAIGN, line, "r" + line);
        }
        ledger.markSending(CAMPAIGN, 1, RUN_A, 1);
        ledger.recordOutcome(Outcome.sent(CAMPAIGN, 1, "r1", "u1", "19:c1", "1:a1", 1));
        ledger.markSending(CAMPAIGN, 2, RUN_A, 1);
        // Run A dies here: row 2 was being posted, row 3 was not started.

        RunLease takeover = ledger.takeLease(CAMPAIGN, RUN_B, soon(), owner -> true);

        assertThat(takeover.taken()).isTrue();
        assertThat(takeover.markedInDoubt()).isEqualTo(1);
        assertThat(ledger.progress(CAMPAIGN)).isEqualTo(new Progress(3, 2, 1, 0, 1, 0, 1));
        DeliveryRow inDoubt = rows().get(1);
        assertThat(inDoubt.status()).isEqualTo(DeliveryStatus.IN_DOUBT);
        assertThat(inDoubt.code()).isEqualTo(Ledger.IN_DOUBT_CODE);
        assertThat(inDoubt.attempts()).isEqualTo(1);
        assertThat(ledger.claimRow(CAMPAIGN, 2, "r2").result()).as("not resent").isEqualTo(RowClaim.Result.ALREADY_FINAL);
        assertThat(ledger.claimRow(CAMPAIGN, 3, "r3").result()).isEqualTo(RowClaim.Result.PENDING_EXISTS);
        assertThat(ledger.markSending(CAMPAIGN, 3, RUN_A, 1)).as("the old run").isFalse();
        assertThat(ledger.markSending(CAMPAIGN, 3, RUN_B, 1)).isTrue();
        assertThat(ledger.failureCodes(CAMPAIGN)).containsEntry(Ledger.IN_DOUBT_CODE, 1L);
    }

    @Test
    void reopeningMakesTheChosenFinalRowsToDoAgainWithTheirAttempts() {
        ledger.registerCampaign(CAMPAIGN, "q3.csv", "welcome", 4);
        for (int line = 1; line <= 4; line++) {
            ledger.claimRow(CAMPAIGN, line, "r" + line);
        }
        ledger.recordOutcomes(List.of(
                Outcome.sent(CAMPAIGN, 1, "r1", "u1", "19:c1", "1:a1", 1),
                Outcome.notSent(CAMPAIGN, 2, "r2", "u2", DeliveryStatus.FAILED, "503", "unavailable", 1),
                Outcome.notSent(CAMPAIGN, 3, "r3", "u3", DeliveryStatus.FAILED, "ConversationBlockedByUser", "", 1),
                Outcome.notSent(CAMPAIGN, 4, "r4", "u4", DeliveryStatus.IN_DOUBT, Ledger.IN_DOUBT_CODE, "", 2)));
        ledger.finishCampaign(CAMPAIGN);

        assertThatThrownBy(() -> ledger.reopen(CAMPAIGN, RUN_A, Set.of(DeliveryStatus.FAILED), Set.of()))
                .as("without the lease").isInstanceOf(IllegalStateException.class);
        lease(RUN_A);
        assertThatThrownBy(() -> ledger.reopen(CAMPAIGN, RUN_A, Set.of(DeliveryStatus.SENT), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ledger.reopen(CAMPAIGN, RUN_A, Set.of(DeliveryStatus.FAILED), Set.of("503", "504"))).isEqualTo(1);

        Campaign running = ledger.findCampaign(CAMPAIGN).orElseThrow();
        assertThat(running.status()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(running.finishedAt()).isNull();
        assertThat(ledger.progress(CAMPAIGN)).isEqualTo(new Progress(4, 3, 1, 1, 1, 0, 1));
        assertThat(ledger.claimRow(CAMPAIGN, 2, "r2")).isEqualTo(new RowClaim(RowClaim.Result.PENDING_EXISTS,
                DeliveryStatus.PENDING, 1));

        assertThat(ledger.reopen(CAMPAIGN, RUN_A, Set.of(DeliveryStatus.IN_DOUBT), Set.of())).isEqualTo(1);
        assertThat(ledger.claimRow(CAMPAIGN, 4, "r4").attempts()).isEqualTo(2);
        assertThat(ledger.progress(CAMPAIGN).done()).isEqualTo(2);
    }

    private RunLease lease(String owner) {
        return ledger.takeLease(CAMPAIGN, owner, soon(), holder -> false);
    }

    private static Instant soon() {
        return Instant.now().plus(1, ChronoUnit.MINUTES);
    }

    private List<DeliveryRow> rows() {
        List<DeliveryRow> rows = new ArrayList<>();
        ledger.forEachDelivery(CAMPAIGN, rows::add);
        return rows;
    }
}
