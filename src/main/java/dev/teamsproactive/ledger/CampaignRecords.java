package dev.teamsproactive.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The campaign rows' transactions for {@link Ledger}: registering a campaign (or finding it again), its size and
 * its count of 429 answers, and its progress counted from its delivery rows.
 */
final class CampaignRecords {
    private final Transactions transactions;
    private final Supplier<Instant> clock;

    CampaignRecords(Transactions transactions, Supplier<Instant> clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    CampaignRegistration register(String id, String source, String template, long total) {
        CampaignIds.requireSafe(id);
        Objects.requireNonNull(source, "source");
        boolean isNew;
        try {
            transactions.run(c -> {
                CampaignsTable.insert(c, id, source, template, total, clock.get());
                return null;
            });
            isNew = true;
        } catch (DuplicateKeyException alreadyKnown) {
            isNew = false;
            transactions.run(c -> {
                CampaignsTable.restartFailed(c, id);
                return null;
            });
        }
        boolean created = isNew;
        return transactions.read(c -> new CampaignRegistration(CampaignsTable.find(c, id).orElseThrow(), created,
                progress(c, id)));
    }

    void setTotal(String campaignId, long total) {
        transactions.run(c -> {
            CampaignsTable.setTotal(c, campaignId, total);
            return null;
        });
    }

    void addThrottled(String campaignId, long n) {
        if (n <= 0) {
            return;
        }
        transactions.run(c -> {
            CampaignsTable.addThrottled(c, campaignId, n);
            return null;
        });
    }

    Progress progress(String campaignId) {
        return transactions.read(c -> progress(c, campaignId));
    }

    private static Progress progress(Connection c, String campaignId) throws SQLException {
        long total = CampaignsTable.total(c, campaignId);
        Map<DeliveryStatus, Long> counts = DeliveriesTable.countByStatus(c, campaignId);
        long sent = counts.get(DeliveryStatus.SENT);
        long failed = counts.get(DeliveryStatus.FAILED);
        long inDoubt = counts.get(DeliveryStatus.IN_DOUBT);
        long skipped = counts.get(DeliveryStatus.SKIPPED);
        long done = sent + failed + inDoubt + skipped;
        return new Progress(total, done, sent, failed, inDoubt, skipped, Math.max(0, total - done));
    }
}
