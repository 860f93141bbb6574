package dev.teamsproactive.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The run lease's transactions for {@link Ledger}: taking it (and marking a dead run's rows), whether no live run
 * holds a running campaign, giving it back, reopening rows.
 */
final class CampaignLeases {
    private final Transactions transactions;
    private final Supplier<Instant> clock;

    CampaignLeases(Transactions transactions, Supplier<Instant> clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    RunLease take(String campaignId, String owner, Instant expiresAt, Predicate<String> holderGone) {
        Objects.requireNonNull(owner, "owner");
        try {
            return transactions.run(c -> {
                LeaseTable.Holder holder = LeaseTable.holder(c, campaignId);
                Instant now = clock.get();
                boolean free = holder.owner() == null || holder.owner().equals(owner)
                        || holder.expiresAt() == null || !holder.expiresAt().isAfter(now)
                        || holderGone.test(holder.owner());
                if (!free) {
                    return new RunLease(false, holder.owner(), holder.expiresAt(), 0);
                }
                if (!LeaseTable.replace(c, campaignId, holder.owner(), owner, expiresAt)) {
                    // Another run took it between the read and the update (two members at once): name that one.
                    LeaseTable.Holder winner = LeaseTable.holder(c, campaignId);
                    return new RunLease(false, winner.owner(), winner.expiresAt(), 0);
                }
                if (!owner.equals(holder.owner())) {
                    CampaignsTable.startRun(c, campaignId, now, holder.expiresAt() == null ? now : holder.expiresAt());
                }
                int inDoubt = LeaseTable.markSendingInDoubt(c, campaignId, now);
                if (inDoubt > 0) {
                    CampaignsTable.addDoneRows(c, campaignId, inDoubt);
                }
                return new RunLease(true, owner, expiresAt, inDoubt);
            });
        } catch (DuplicateKeyException impossible) {
            throw new LedgerException("taking the lease of " + campaignId + " failed", impossible);
        }
    }

    boolean interrupted(String campaignId) {
        return transactions.read(c -> {
            Optional<Campaign> campaign = CampaignsTable.find(c, campaignId);
            if (campaign.isEmpty() || campaign.get().status() != CampaignStatus.RUNNING) {
                return false;
            }
            LeaseTable.Holder holder = LeaseTable.holder(c, campaignId);
            return holder.owner() == null || holder.expiresAt() == null || !holder.expiresAt().isAfter(clock.get());
        });
    }

    void release(String campaignId, String owner) {
        transactions.run(c -> {
            Instant now = clock.get();
            if (LeaseTable.replace(c, campaignId, owner, null, now)) {
                CampaignsTable.endRun(c, campaignId, now);
            }
            return null;
        });
    }

    int reopen(String campaignId, String leaseOwner, Set<DeliveryStatus> statuses, Set<String> codes) {
        for (DeliveryStatus status : statuses) {
            if (status != DeliveryStatus.FAILED && status != DeliveryStatus.IN_DOUBT) {
                throw new IllegalArgumentException("only FAILED and IN_DOUBT rows are sent again, not " + status);
            }
        }
        if (statuses.isEmpty()) {
            return 0;
        }
        return transactions.run(c -> {
            LeaseTable.Holder holder = LeaseTable.holder(c, campaignId);
            if (!leaseOwner.equals(holder.owner())) {
                throw new IllegalStateException("reopening rows of " + campaignId + " needs its lease");
            }
            int n = DeliveriesTable.reopen(c, campaignId, statuses, codes, clock.get());
            if (n > 0) {
                CampaignsTable.reopen(c, campaignId, n);
            }
            return n;
        });
    }
}
