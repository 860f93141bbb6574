package dev.teamsproactive.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Claims for {@link Ledger}: a recipient row before anything is sent for it, the user it resolved to (once per
 * campaign), and the conversation remembered for that user.
 */
final class RowClaims {
    private final Transactions transactions;
    private final GroupCommit grouped;
    private final Supplier<Instant> clock;

    RowClaims(Transactions transactions, GroupCommit grouped, Supplier<Instant> clock) {
        this.transactions = transactions;
        this.grouped = grouped;
        this.clock = clock;
    }

    RowClaim claimRow(String campaignId, int line, String recipient) {
        try {
            grouped.run(c -> {
                DeliveriesTable.insertPending(c, campaignId, line, recipient, clock.get());
                return null;
            });
            return new RowClaim(RowClaim.Result.NEW, DeliveryStatus.PENDING);
        } catch (DuplicateKeyException alreadyThere) {
            return transactions.read(c -> {
                DeliveryStatus status = DeliveriesTable.status(c, campaignId, line).orElseThrow();
                return new RowClaim(status.isFinal() ? RowClaim.Result.ALREADY_FINAL : RowClaim.Result.PENDING_EXISTS,
                        status, DeliveriesTable.attempts(c, campaignId, line));
            });
        }
    }

    UserClaim claimUser(String campaignId, int line, String userId) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("a resolved user id is required");
        }
        try {
            return grouped.run(c -> {
                DeliveriesTable.setUserId(c, campaignId, line, userId, clock.get());
                UserClaimsTable.insert(c, campaignId, userId, line);
                return UserClaimsTable.holder(c, campaignId, userId, line);
            });
        } catch (DuplicateKeyException heldAlready) {
            return grouped.run(c -> {
                DeliveriesTable.setUserId(c, campaignId, line, userId, clock.get());
                return UserClaimsTable.holder(c, campaignId, userId, line);
            });
        }
    }

    CachedConversation saveConversation(String tenantId, String userId, String installationId, String chatId,
            String serviceUrl) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(chatId, "chatId");
        CachedConversation conversation = new CachedConversation(tenantId, userId, installationId, chatId, serviceUrl,
                clock.get());
        Transactions.Work<Void> upsert = c -> {
            if (!ConversationCacheTable.update(c, conversation)) {
                ConversationCacheTable.insert(c, conversation);
            }
            return null;
        };
        try {
            grouped.run(upsert);
        } catch (DuplicateKeyException savedMeanwhile) {
            grouped.run(upsert);
        }
        return conversation;
    }
}
