package dev.teamsproactive.sandbox.bot;

import static dev.teamsproactive.sandbox.bot.PropertyRule.anyValue;
import static dev.teamsproactive.sandbox.bot.PropertyRule.arrayOf;
import static dev.teamsproactive.sandbox.bot.PropertyRule.bool;
import static dev.teamsproactive.sandbox.bot.PropertyRule.dateTime;
import static dev.teamsproactive.sandbox.bot.PropertyRule.object;
import static dev.teamsproactive.sandbox.bot.PropertyRule.string;

import java.util.Map;
import java.util.Set;

/**
 * The part of the Bot Connector v3 swagger ({@code Activity}, {@code Attachment}, {@code ConversationParameters}
 * and what they hold) that the sandbox checks requests against, written out in Java because the swagger is not
 * shipped with the sandbox. {@code BotSchemaAgreesWithSwaggerTest} holds it to the swagger.
 */
public final class BotSchema {
    public static final ObjectShape CHANNEL_ACCOUNT = new ObjectShape("ChannelAccount", Map.of(
            "id", string(),
            "name", string(),
            "aadObjectId", string(),
            "role", string()), Set.of());

    public static final ObjectShape CONVERSATION_ACCOUNT = new ObjectShape("ConversationAccount", Map.of(
            "isGroup", bool(),
            "conversationType", string(),
            "tenantId", string(),
            "id", string(),
            "name", string(),
            "aadObjectId", string(),
            "role", string()), Set.of());

    /** An attachment must say what it is; everything else is optional. */
    public static final ObjectShape ATTACHMENT = new ObjectShape("Attachment", Map.of(
            "contentType", string(),
            "contentUrl", string(),
            "content", anyValue(),
            "name", string(),
            "thumbnailUrl", string()), Set.of("contentType"));

    public static final ObjectShape ENTITY = new ObjectShape("Entity", Map.of("type", string()), Set.of());

    public static final ObjectShape ACTIVITY = new ObjectShape("Activity", Map.ofEntries(
            Map.entry("type", string()),
            Map.entry("id", string()),
            Map.entry("timestamp", dateTime()),
            Map.entry("localTimestamp", dateTime()),
            Map.entry("localTimezone", string()),
            Map.entry("callerId", string()),
            Map.entry("serviceUrl", string()),
            Map.entry("channelId", string()),
            Map.entry("from", object(CHANNEL_ACCOUNT)),
            Map.entry("conversation", object(CONVERSATION_ACCOUNT)),
            Map.entry("recipient", object(CHANNEL_ACCOUNT)),
            Map.entry("textFormat", string()),
            Map.entry("attachmentLayout", string()),
            Map.entry("membersAdded", arrayOf(object(CHANNEL_ACCOUNT))),
            Map.entry("membersRemoved", arrayOf(object(CHANNEL_ACCOUNT))),
            Map.entry("reactionsAdded", arrayOf(object())),
            Map.entry("reactionsRemoved", arrayOf(object())),
            Map.entry("topicName", string()),
            Map.entry("historyDisclosed", bool()),
            Map.entry("locale", string()),
            Map.entry("text", string()),
            Map.entry("speak", string()),
            Map.entry("inputHint", string()),
            Map.entry("summary", string()),
            Map.entry("suggestedActions", object()),
            Map.entry("attachments", arrayOf(object(ATTACHMENT))),
            Map.entry("entities", arrayOf(object(ENTITY))),
            // Teams reads channelData as an object ({"notification":{"alert":true}}, {"tenant":{"id":…}}).
            Map.entry("channelData", object()),
            Map.entry("action", string()),
            Map.entry("replyToId", string()),
            Map.entry("label", string()),
            Map.entry("valueType", string()),
            Map.entry("value", anyValue()),
            Map.entry("name", string()),
            Map.entry("relatesTo", object()),
            Map.entry("code", string()),
            Map.entry("expiration", dateTime()),
            Map.entry("importance", string()),
            Map.entry("deliveryMode", string()),
            Map.entry("listenFor", arrayOf(string())),
            Map.entry("textHighlights", arrayOf(object())),
            Map.entry("semanticAction", object())), Set.of("type"));

    /** The body of {@code POST /v3/conversations}. */
    public static final ObjectShape CONVERSATION_PARAMETERS = new ObjectShape("ConversationParameters", Map.of(
            "isGroup", bool(),
            "bot", object(CHANNEL_ACCOUNT),
            "members", arrayOf(object(CHANNEL_ACCOUNT)),
            "topicName", string(),
            "tenantId", string(),
            "activity", object(ACTIVITY),
            "channelData", object()), Set.of("members"));

    private BotSchema() {
    }
}
