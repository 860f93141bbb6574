package dev.teamsproactive.sandbox.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * The body of {@code POST /_sandbox/users/{userId}/act}: what the user does, and how the activity's token is made.
 *
 * @param kind       execute (an Action.Execute press), submit (an Action.Submit), reply (text), uninstall, read (a
 *                   read receipt: the user read the chat up to the latest message delivered to them)
 * @param activityId the activity's id (a new one when absent)
 * @param verb       the Action.Execute verb
 * @param data       the action's data (execute) or the card's inputs (submit)
 * @param replayOf   the id of an earlier act to send again exactly, token included (a retry or a replay)
 */
public record ActRequest(Kind kind, String activityId, String verb, JsonNode data, String text,
        ChannelTokens.Kind token, String replayOf) {

    public enum Kind {
        EXECUTE, SUBMIT, REPLY, UNINSTALL, READ
    }

    public static ActRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object with a \"kind\"");
        }
        String replayOf = text(body, "replayOf");
        String kindText = text(body, "kind");
        if (kindText == null && replayOf == null) {
            throw new IllegalArgumentException("\"kind\" is required: execute, submit, reply, uninstall or read");
        }
        Kind kind;
        try {
            kind = kindText == null ? null : Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"kind\" must be execute, submit, reply, uninstall or read, not '" + kindText + "'");
        }
        return new ActRequest(kind, text(body, "activityId"), text(body, "verb"), body.get("data"), text(body, "text"),
                ChannelTokens.Kind.parse(text(body, "token")), replayOf);
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
