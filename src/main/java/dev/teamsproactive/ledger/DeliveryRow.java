package dev.teamsproactive.ledger;

import java.time.Instant;

/** One recipient row of a campaign, as {@link Ledger#forEachDelivery} streams it. */
public record DeliveryRow(int line, String recipient, String userId, DeliveryStatus status, String code, String detail,
        String conversationId, String activityId, int attempts, Instant updatedAt) {
}
