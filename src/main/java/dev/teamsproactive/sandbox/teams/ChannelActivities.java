package dev.teamsproactive.sandbox.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.sandbox.Tenant;
import dev.teamsproactive.sandbox.http.Responses;
import dev.teamsproactive.sandbox.tenant.DirectoryUser;
import java.time.Instant;
import java.util.UUID;

/** The activities Teams sends a bot when a user acts in their 1:1 chat with it, shaped as the Bot Connector sends them. */
final class ChannelActivities {
    private final Tenant tenant;

    ChannelActivities(Tenant tenant) {
        this.tenant = tenant;
    }

    private java.util.Optional<String> lastDeliveryTo(String userId) {
        java.util.List<dev.teamsproactive.sandbox.tenant.Deliveries.Delivery> all = tenant.deliveries().all();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (userId.equalsIgnoreCase(all.get(i).userId())) {
                return java.util.Optional.of(all.get(i).activityId());
            }
        }
        return java.util.Optional.empty();
    }

    ObjectNode of(ActRequest act, DirectoryUser user) {
        return of(act, user, act.kind() == ActRequest.Kind.EXECUTE || act.kind() == ActRequest.Kind.SUBMIT
                // A card action answers the message that holds the card: the latest one delivered to the user.
                ? lastDeliveryTo(user.id()).orElse(null) : null);
    }

    /** The activity of the act, replying to the message {@code replyToId} (none when null). */
    ObjectNode of(ActRequest act, DirectoryUser user, String replyToId) {
        ObjectNode a = Responses.JSON.createObjectNode();
        switch (act.kind()) {
            case EXECUTE -> {
                a.put("type", "invoke");
                a.put("name", "adaptiveCard/action");
                ObjectNode value = a.putObject("value");
                ObjectNode action = value.putObject("action");
                action.put("type", "Action.Execute");
                action.put("verb", act.verb() == null ? "" : act.verb());
                action.set("data", act.data() == null ? Responses.JSON.createObjectNode() : act.data());
                value.put("trigger", "manual");
            }
            case SUBMIT -> {
                a.put("type", "message");
                a.set("value", act.data() == null ? Responses.JSON.createObjectNode() : act.data());
            }
            case REPLY -> {
                a.put("type", "message");
                a.put("text", act.text() == null ? "" : act.text());
            }
            case UNINSTALL -> {
                a.put("type", "installationUpdate");
                a.put("action", "remove");
            }
            case READ -> {
                // Teams' read receipt: an event naming the latest message the user read in the chat.
                a.put("type", "event");
                a.put("name", "application/vnd.microsoft.readReceipt");
                a.putObject("value").put("lastReadMessageId", lastDeliveryTo(user.id()).orElse(""));
            }
        }
        a.put("id", act.activityId() != null ? act.activityId() : "f:" + UUID.randomUUID());
        a.put("timestamp", Instant.now().toString());
        a.put("serviceUrl", tenant.baseUrl());
        a.put("channelId", ChannelKeys.CHANNEL_ID);
        ObjectNode from = a.putObject("from");
        from.put("id", "29:" + user.id());
        from.put("aadObjectId", user.id());
        from.put("name", user.displayName());
        ObjectNode conversation = a.putObject("conversation");
        conversation.put("conversationType", "personal");
        conversation.put("tenantId", tenant.tenantId());
        conversation.put("id", tenant.installations().chatIdOf(user.id()));
        ObjectNode recipient = a.putObject("recipient");
        recipient.put("id", "28:" + tenant.app().botAppId());
        recipient.put("name", tenant.app().displayName());
        a.putObject("channelData").putObject("tenant").put("id", tenant.tenantId());
        if (replyToId != null) {
            a.put("replyToId", replyToId);
        }
        a.put("locale", "en-US");
        return a;
    }
}
