package dev.teamsproactive.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One recipient's message, ready to post to {@code /v3/conversations/{id}/activities}.
 * Either {@link #text()} (a Markdown template) or {@link #card()} (an Adaptive Card) is set.
 */
public final class RenderedMessage {

    /** Teams refuses activities over about 100 KB counted in UTF-16; this keeps a margin. */
    public static final int MAX_ACTIVITY_UTF16_BYTES = 80 * 1024;
    public static final String ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String text;
    private final String summary;
    private final JsonNode card;
    private final String activity;

    RenderedMessage(String text, String summary, JsonNode card) {
        this.text = text;
        this.summary = summary;
        this.card = card;
        this.activity = toActivity();
    }

    /** The Markdown text, or null for a card. */
    public String text() {
        return text;
    }

    /** The toast text (at most 100 characters), or null when the message has no text to show. */
    public String summary() {
        return summary;
    }

    /** The rendered Adaptive Card, or null for a text message. */
    public JsonNode card() {
        return card;
    }

    /**
     * The Bot Connector activity as JSON: {@code {"type":"message","summary":…,"text":…}} or with
     * {@code "attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{…}}]},
     * plus {@code "channelData":{"notification":{"alert":true}}} so the user gets a toast.
     */
    public String activity() {
        return activity;
    }

    /** The activity's size as Teams counts it: UTF-16 code units, two bytes each. */
    public int utf16Bytes() {
        return activity.length() * 2;
    }

    public boolean tooLarge() {
        return utf16Bytes() > MAX_ACTIVITY_UTF16_BYTES;
    }

    private String toActivity() {
        ObjectNode activity = JSON.createObjectNode();
        activity.put("type", "message");
        if (summary != null) {
            activity.put("summary", summary);
        }
        if (card == null) {
            activity.put("text", text);
        } else {
            ObjectNode attachment = activity.putArray("attachments").addObject();
            attachment.put("contentType", ADAPTIVE_CARD_CONTENT_TYPE);
            attachment.set("content", card);
        }
        activity.putObject("channelData").putObject("notification").put("alert", true);
        try {
            return JSON.writeValueAsString(activity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    @Override
    public String toString() {
        return activity;
    }
}
