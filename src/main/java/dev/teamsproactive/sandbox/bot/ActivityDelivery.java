package dev.teamsproactive.sandbox.bot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.sandbox.Tenant;
import dev.teamsproactive.sandbox.http.Responses;
import dev.teamsproactive.sandbox.tenant.Behavior;

/** Records an accepted activity in the tenant's deliveries and plays the recipient's behaviour afterwards. */
public final class ActivityDelivery {
    private final Tenant tenant;

    public ActivityDelivery(Tenant tenant) {
        this.tenant = tenant;
    }

    /** Records {@code activity} in {@code conversation}; answers the new activity id. */
    public String deliver(Conversation conversation, JsonNode activity) {
        String activityId = tenant.deliveries().add(conversation.id(), conversation.userId(), textOf(activity, "text"),
                textOf(activity, "summary"), attachmentsOf(activity));
        if (conversation.user() != null && conversation.user().behavior() == Behavior.UNINSTALLS_AFTER_FIRST_MESSAGE) {
            // Only the first delivery uninstalls: after a reinstall the same chat works again.
            tenant.installations().firstDeliveryUninstall(conversation.user().id());
        }
        return activityId;
    }

    /**
     * Whether the answer to this delivery is lost (the losesFirstAnswer behaviour: the first delivery to the user
     * only). The caller then closes the connection without answering.
     */
    public boolean answerLost(Conversation conversation) {
        return conversation.user() != null && conversation.user().behavior() == Behavior.LOSES_FIRST_ANSWER
                && tenant.deliveries().loseFirstAnswer(conversation.user().id());
    }

    /** Replaces what an earlier delivery shows; false when there is no such delivery. */
    public boolean update(Conversation conversation, String activityId, JsonNode activity) {
        return tenant.deliveries().replace(conversation.id(), activityId, textOf(activity, "text"),
                textOf(activity, "summary"), attachmentsOf(activity));
    }

    private static String textOf(JsonNode activity, String field) {
        JsonNode value = activity.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static JsonNode attachmentsOf(JsonNode activity) {
        JsonNode value = activity.get("attachments");
        return value == null || value.isNull() ? Responses.JSON.createArrayNode() : value;
    }
}
