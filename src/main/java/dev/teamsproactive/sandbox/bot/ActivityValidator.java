package dev.teamsproactive.sandbox.bot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Whether an activity a bot sends (or updates) is one the Bot Connector would take: it conforms to
 * {@link BotSchema#ACTIVITY}, is a {@code message}, and has something to show.
 */
public final class ActivityValidator {
    public static final String MESSAGE = "message";
    public static final String ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

    private ActivityValidator() {
    }

    /** The first problem with {@code activity}, worded for a 400 BadArgument; empty when it is fine. */
    public static Optional<String> problem(JsonNode activity) {
        Optional<String> shape = ShapeCheck.problem(activity, BotSchema.ACTIVITY, "activity");
        if (shape.isPresent()) {
            return shape;
        }
        String type = activity.get("type").asText();
        if (!MESSAGE.equals(type)) {
            return Optional.of("activity.type must be 'message' to send or update a message, not '" + type + "'");
        }
        JsonNode attachments = activity.get("attachments");
        boolean hasAttachments = attachments != null && attachments.size() > 0;
        JsonNode text = activity.get("text");
        boolean hasText = text != null && text.isTextual() && !text.asText().isBlank();
        // Assumption (not documented): Teams refuses a message with neither text nor attachments.
        if (!hasText && !hasAttachments) {
            return Optional.of("activity must have a non-empty text or at least one attachment");
        }
        return hasAttachments ? adaptiveCardProblem(attachments) : Optional.empty();
    }

    /**
     * Assumption (not documented): an Adaptive Card attachment carries the card itself as a JSON object of type
     * AdaptiveCard. Catches the card sent as a JSON string, which Teams cannot render.
     */
    private static Optional<String> adaptiveCardProblem(JsonNode attachments) {
        for (int i = 0; i < attachments.size(); i++) {
            JsonNode a = attachments.get(i);
            if (a == null || a.isNull() || !ADAPTIVE_CARD.equalsIgnoreCase(a.path("contentType").asText())) {
                continue;
            }
            JsonNode content = a.get("content");
            if (content == null || !content.isObject() || !"AdaptiveCard".equals(content.path("type").asText())) {
                return Optional.of("activity.attachments[" + i + "].content must be an Adaptive Card object "
                        + "({\"type\":\"AdaptiveCard\",…}) for contentType " + ADAPTIVE_CARD);
            }
        }
        return Optional.empty();
    }
}
