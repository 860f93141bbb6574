package dev.teamsproactive.ledger;

import java.util.Objects;

/**
 * The final result for one recipient row, as {@link Ledger#recordOutcome} writes it.
 *
 * @param userId         the resolved user, or null when it could not be resolved
 * @param status         a final status (never PENDING)
 * @param code           for anything but SENT: the service's error code or HTTP status, or the
 *                       project's own reason (for example {@code DuplicateRecipient})
 * @param detail         a short human explanation; never a token or a secret
 * @param attempts       how many sends were tried
 * @param resolvedBy     how the recipient was matched ({@code id}, {@code upn}, {@code mail}, {@code proxyAddress}),
 *                       or null when it was not
 */
public record Outcome(String campaignId, int line, String recipient, String userId, DeliveryStatus status,
        String code, String detail, String conversationId, String activityId, int attempts, String resolvedBy) {

    /** An outcome that does not say how its recipient was matched. */
    public Outcome(String campaignId, int line, String recipient, String userId, DeliveryStatus status, String code,
            String detail, String conversationId, String activityId, int attempts) {
        this(campaignId, line, recipient, userId, status, code, detail, conversationId, activityId, attempts, null);
    }

    public Outcome {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(status, "status");
        if (!status.isFinal()) {
            throw new IllegalArgumentException("an outcome needs a final status, not " + status);
        }
    }

    public static Outcome sent(String campaignId, int line, String recipient, String userId, String conversationId,
            String activityId, int attempts) {
        return new Outcome(campaignId, line, recipient, userId, DeliveryStatus.SENT, null, null, conversationId,
                activityId, attempts);
    }

    public static Outcome notSent(String campaignId, int line, String recipient, String userId, DeliveryStatus status,
            String code, String detail, int attempts) {
        return new Outcome(campaignId, line, recipient, userId, status, code, detail, null, null, attempts);
    }
}
