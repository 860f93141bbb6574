package dev.teamsproactive.answers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What the messaging endpoint does with an authenticated activity (routes/8-answers.camel.yaml): tells its kind,
 * records an answer (first-wins per campaign, user and action), and makes the card that answers an Action.Execute.
 * The campaign is the {@code campaignId} the card's action data carries or, when it carries none, the campaign
 * whose message the card was in (the activity's {@code replyToId}, looked up among the campaigns' SENT messages).
 */
public final class Answers {
    /** The data field that ties an answer to its campaign; templates put {@code "campaignId": "${campaignId}"} there. */
    public static final String CAMPAIGN_ID = "campaignId";
    static final String NO_CAMPAIGN = "";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private final ResponsesTable responses;
    private final ResponsesReport report;
    /** teams.read-receipts.enabled: a read receipt is heard (kind read); otherwise it is left alone (other). */
    private final boolean readReceipts;

    public Answers(ResponsesTable responses, ResponsesReport report, boolean readReceipts) {
        this.responses = responses;
        this.report = report;
        this.readReceipts = readReceipts;
    }

    /** execute, submit, reply, installation, read or other. */
    public String kindOf(JsonNode activity) {
        String type = activity.path("type").asText("");
        if (readReceipts && type.equals("event") && activity.path("name").asText("").equals(ReadReceipts.EVENT_NAME)) {
            return "read";
        }
        if (type.equals("invoke") && activity.path("name").asText("").equals("adaptiveCard/action")) {
            return "execute";
        }
        if (type.equals("message")) {
            if (activity.path("value").isObject()) {
                return "submit";
            }
            if (activity.path("text").isTextual()) {
                return "reply";
            }
        }
        if (type.equals("installationUpdate") || type.equals("conversationUpdate")) {
            return "installation";
        }
        return "other";
    }

    /** An Action.Execute: recorded under its verb; the body becomes the invoke response with the refreshed card. */
    public String execute(JsonNode activity) {
        JsonNode action = activity.path("value").path("action");
        JsonNode data = action.path("data");
        String verb = action.path("verb").asText("");
        Response recorded = recordFirst(campaignOf(activity, data), userOf(activity), verb.isEmpty() ? "execute" : verb,
                inputs(data), activity.path("id").asText(null));
        ObjectNode answer = JSON.createObjectNode();
        answer.put("statusCode", 200);
        answer.put("type", "application/vnd.microsoft.card.adaptive");
        answer.set("value", refreshedCard(verb, recorded));
        return answer.toString();
    }

    /** An Action.Submit (its inputs) or a free-text reply. */
    public void record(JsonNode activity) {
        JsonNode value = activity.path("value");
        if (value.isObject()) {
            recordFirst(campaignOf(activity, value), userOf(activity), "submit", inputs(value), activity.path("id").asText(null));
        } else {
            ObjectNode text = JSON.createObjectNode().put("text", activity.path("text").asText(""));
            recordFirst(NO_CAMPAIGN, userOf(activity), "reply", text.toString(), activity.path("id").asText(null));
        }
    }

    private Response recordFirst(String campaignId, String userId, String action, String values, String activityId) {
        Response recorded = responses.recordFirst(campaignId, userId, action, values, activityId);
        if (recorded.standing() != Response.Standing.UNKNOWN_CAMPAIGN) {
            report.changed(campaignId);
        }
        return recorded;
    }

    /** The card the user sees instead of the one they pressed, with the time of their first answer. */
    private static ObjectNode refreshedCard(String verb, Response recorded) {
        ObjectNode card = JSON.createObjectNode();
        card.put("type", "AdaptiveCard");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("version", "1.5");
        String when = WHEN.format(recorded.respondedAt());
        String text = verb.equalsIgnoreCase("acknowledge") ? "Acknowledged by you on " + when
                : "Your answer was recorded on " + when;
        card.putArray("body").addObject().put("type", "TextBlock").put("text", text).put("wrap", true);
        return card;
    }

    private String campaignOf(JsonNode activity, JsonNode data) {
        JsonNode id = data.path(CAMPAIGN_ID);
        if (id.isTextual() && !id.asText().isBlank()) {
            return id.asText();
        }
        return responses.campaignOfMessage(activity.path("conversation").path("id").asText(null),
                activity.path("replyToId").asText(null)).orElse(NO_CAMPAIGN);
    }

    /** The user's Entra object id (Teams sends it as from.aadObjectId), else the channel's own id of them. */
    private static String userOf(JsonNode activity) {
        JsonNode from = activity.path("from");
        String aad = from.path("aadObjectId").asText("");
        return aad.isEmpty() ? from.path("id").asText("") : aad;
    }

    /** The data or inputs without the campaign id, as a JSON object. */
    private static String inputs(JsonNode data) {
        ObjectNode values = data.isObject() ? ((ObjectNode) data).deepCopy() : JSON.createObjectNode();
        values.remove(CAMPAIGN_ID);
        return values.toString();
    }
}
