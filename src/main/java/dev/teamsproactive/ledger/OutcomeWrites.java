package dev.teamsproactive.ledger;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Writes recipients' final statuses for {@link Ledger#recordOutcomes}: a batch of updates, then the few stragglers. */
final class OutcomeWrites {
    private final GroupCommit grouped;
    private final Supplier<Instant> clock;

    OutcomeWrites(GroupCommit grouped, Supplier<Instant> clock) {
        this.grouped = grouped;
        this.clock = clock;
    }

    void record(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        // One order for every writer, so two batches never wait on each other's rows in a cycle.
        List<Outcome> ordered = new ArrayList<>(outcomes);
        ordered.sort(Comparator.comparing(Outcome::campaignId).thenComparingInt(Outcome::line));
        try {
            writeOutcomes(ordered);
        } catch (DuplicateKeyException rowAppearedMeanwhile) {
            // Another thread inserted one of these rows since we looked: now they are all updates.
            writeOutcomes(ordered);
        }
    }

    private void writeOutcomes(List<Outcome> ordered) {
        grouped.run(c -> {
            Instant now = clock.get();
            Map<String, Long> newlyDone = new TreeMap<>();
            List<Outcome> notPending = new ArrayList<>();
            try (PreparedStatement finishPending = DeliveriesTable.prepareFinishPending(c)) {
                for (Outcome o : ordered) {
                    DeliveriesTable.bindOutcome(finishPending, o, now);
                    finishPending.addBatch();
                }
                int[] updated = finishPending.executeBatch();
                for (int i = 0; i < updated.length; i++) {
                    if (updated[i] < 0) {
                        throw new IllegalStateException("the JDBC driver did not report batch update counts");
                    }
                    if (updated[i] == 1) {
                        newlyDone.merge(ordered.get(i).campaignId(), 1L, Long::sum);
                    } else {
                        notPending.add(ordered.get(i));
                    }
                }
            }
            for (Outcome o : notPending) {
                if (!DeliveriesTable.replaceFinal(c, o, now) && DeliveriesTable.insertFinal(c, o, now)) {
                    newlyDone.merge(o.campaignId(), 1L, Long::sum);
                }
            }
            for (Map.Entry<String, Long> done : newlyDone.entrySet()) {
                CampaignsTable.addDoneRows(c, done.getKey(), done.getValue());
            }
            return null;
        });
    }
}
