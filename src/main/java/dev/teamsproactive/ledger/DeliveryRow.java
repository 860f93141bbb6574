package dev.teamsproactive.ledger;

import java.time.Instant;

/**
 * One recipient row of a campaign, as {@link Ledger#forEachDelivery} streams it; {@code resolvedBy} says how its
 * recipient was matched ({@code id}, {@code upn}, {@code mail}, {@code proxyAddress}), null when it was not;
 * {@code readAt} when a read receipt first said the message was read, null otherwise.
 */
public record DeliveryRow(int line, String recipient, String userId, DeliveryStatus status, String code, String detail,
        String conversationId, String activityId, int attempts, Instant updatedAt, String resolvedBy, Instant readAt) {

    public DeliveryRow(int line, String recipient, String userId, DeliveryStatus status, String code, String detail,
            String conversationId, String activityId, int attempts, Instant updatedAt, String resolvedBy) {
        this(line, recipient, userId, status, code, detail, conversationId, activityId, attempts, updatedAt, resolvedBy, null);
    }

    public DeliveryRow(int line, String recipient, String userId, DeliveryStatus status, String code, String detail,
            String conversationId, String activityId, int attempts, Instant updatedAt) {
        this(line, recipient, userId, status, code, detail, conversationId, activityId, attempts, updatedAt, null);
    }
}
