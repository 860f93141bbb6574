package dev.teamsproactive.sandbox.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxTestClient;
import dev.teamsproactive.sandbox.SandboxTestClient.Answer;
import dev.teamsproactive.testsupport.AdaptiveCardSchema;

/** Bot Connector calls for the sandbox's bot tests, with the seed's own Bot Connector token. */
final class BotCalls {
    static final String ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";
    final Sandbox sandbox;
    final SandboxTestClient client;
    private final String token;

    BotCalls(Sandbox sandbox) {
        this.sandbox = sandbox;
        this.client = new SandboxTestClient(sandbox);
        this.token = client.token(SandboxTestClient.BOT_SCOPE);
    }

    String token() {
        return token;
    }

    /** The object id of a seeded user, by UPN. */
    String userId(String upn) {
        return sandbox.tenant().directory().userByUpn(upn).orElseThrow().id();
    }

    /** Installs the app for a user (as Graph's install would) and answers the personal chat id. */
    String install(String userId) {
        sandbox.tenant().installations().installForUser(userId);
        return chatOf(userId);
    }

    String chatOf(String userId) {
        return sandbox.tenant().installations().chatIdOf(userId);
    }

    /** Sends to a conversation id written as is into the path. */
    Answer send(String conversationId, JsonNode activity) {
        return send(conversationId, activity.toString());
    }

    Answer send(String conversationId, String body) {
        return client.post("/v3/conversations/" + conversationId + "/activities", token, body);
    }

    Answer update(String conversationId, String activityId, JsonNode activity) {
        return client.put("/v3/conversations/" + conversationId + "/activities/" + activityId, token, activity.toString());
    }

    Answer delete(String conversationId, String activityId) {
        return client.delete("/v3/conversations/" + conversationId + "/activities/" + activityId, token);
    }

    Answer createConversation(JsonNode parameters) {
        return createConversation(parameters.toString());
    }

    Answer createConversation(String body) {
        return client.post("/v3/conversations", token, body);
    }

    /** The documented 1:1 create body for {@code memberId} (a {@code 29:} id or an object id). */
    ObjectNode conversationParameters(String memberId) {
        ObjectNode p = object();
        p.putObject("bot").put("id", "28:" + sandbox.tenant().app().botAppId());
        p.putArray("members").addObject().put("id", memberId);
        p.putObject("channelData").putObject("tenant").put("id", sandbox.tenant().tenantId());
        p.put("isGroup", false);
        return p;
    }

    JsonNode deliveries() {
        Answer a = client.get("/_sandbox/deliveries", null);
        if (a.status() != 200) {
            throw new AssertionError("GET /_sandbox/deliveries answered " + a.status());
        }
        return a.json();
    }

    /** A plain text message. */
    static ObjectNode text(String text) {
        return object().put("type", "message").put("text", text);
    }

    /** A message with a summary (the toast) and one Adaptive Card, checked against the 1.5 schema. */
    static ObjectNode cardMessage(String summary, ObjectNode card) {
        AdaptiveCardSchema.assertValid(card);
        ObjectNode m = object().put("type", "message").put("summary", summary);
        m.putArray("attachments").addObject().put("contentType", ADAPTIVE_CARD).set("content", card);
        return m;
    }

    /** A small Adaptive Card 1.5: a heading and a line of text. */
    static ObjectNode card(String heading, String body) {
        ObjectNode card = object()
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .put("type", "AdaptiveCard")
                .put("version", "1.5");
        var items = card.putArray("body");
        items.addObject().put("type", "TextBlock").put("text", heading).put("weight", "Bolder").put("size", "Medium")
                .put("wrap", true);
        items.addObject().put("type", "TextBlock").put("text", body).put("wrap", true);
        return card;
    }

    static ObjectNode object() {
        return SandboxTestClient.JSON.createObjectNode();
    }
}
