package dev.teamsproactive.answers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.ledger.Ledger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app removed for a user (an {@code installationUpdate} with action {@code remove}/{@code remove-upgrade}, or a
 * {@code conversationUpdate} whose removed members include the bot): the user's cached conversation is forgotten,
 * so the next campaign installs the app again and finds the chat anew instead of posting to a chat that refuses it.
 */
public final class Installations {
    private static final Logger LOG = LoggerFactory.getLogger(Installations.class);
    private final Ledger ledger;
    private final String tenantId;

    public Installations(Ledger ledger, String tenantId) {
        this.ledger = ledger;
        this.tenantId = tenantId;
    }

    public void update(JsonNode activity) {
        if (!removed(activity)) {
            return;
        }
        String tenant = activity.path("conversation").path("tenantId").asText(activity.path("channelData").path("tenant")
                .path("id").asText(""));
        String userId = activity.path("from").path("aadObjectId").asText("");
        if (userId.isEmpty() || !tenantId.equalsIgnoreCase(tenant)) {
            return;
        }
        if (ledger.forgetConversation(tenantId, userId)) {
            LOG.info("The app was removed for user {}: their conversation is forgotten until the next campaign installs it again",
                    userId);
        }
    }

    private static boolean removed(JsonNode activity) {
        String type = activity.path("type").asText("");
        if (type.equals("installationUpdate")) {
            return activity.path("action").asText("").startsWith("remove");
        }
        if (type.equals("conversationUpdate")) {
            String bot = activity.path("recipient").path("id").asText("");
            for (JsonNode member : activity.path("membersRemoved")) {
                if (!bot.isEmpty() && bot.equals(member.path("id").asText())) {
                    return true;
                }
            }
        }
        return false;
    }
}
