package dev.teamsproactive.sandbox.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.sandbox.http.Responses;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The 1:1 chat between a user and the bot, as {@code …/installedApps/{id}/chat} returns it. */
final class ChatShape {
    private ChatShape() {
    }

    static ObjectNode oneOnOne(String context, String chatId, String tenantId, Instant created) {
        String date = Responses.graphDate(created);
        ObjectNode n = Responses.JSON.createObjectNode();
        n.put("@odata.context", context);
        n.put("id", chatId);
        n.putNull("topic");
        n.put("createdDateTime", date);
        n.put("lastUpdatedDateTime", date);
        n.put("chatType", "oneOnOne");
        n.put("webUrl", "https://teams.microsoft.com/l/chat/" + URLEncoder.encode(chatId, StandardCharsets.UTF_8)
                + "/0?tenantId=" + tenantId);
        n.put("tenantId", tenantId);
        n.putNull("onlineMeetingInfo");
        n.put("isHiddenForAllMembers", false);
        ObjectNode viewpoint = n.putObject("viewpoint");
        viewpoint.put("isHidden", false);
        viewpoint.putNull("lastMessageReadDateTime");
        return n;
    }
}
