package dev.teamsproactive.sandbox.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.sandbox.http.Responses;
import dev.teamsproactive.sandbox.tenant.DirectoryUser;
import dev.teamsproactive.sandbox.tenant.Seed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A team's channels and members ({@code aadUserConversationMember}) as Graph writes them. */
final class TeamShapes {
    static final String MEMBER_TYPE = "microsoft.graph.aadUserConversationMember";
    static final List<String> MEMBER_PROPERTIES = List.of("id", "roles", "displayName", "visibleHistoryStartDateTime",
            "userId", "email", "tenantId");
    static final Map<String, String> MEMBER_FILTERABLE = UserShape.index(List.of("id", "displayName", "userId", "email",
            "tenantId"));
    static final List<String> CHANNEL_PROPERTIES = List.of("id", "createdDateTime", "displayName", "description",
            "isFavoriteByDefault", "email", "tenantId", "webUrl", "membershipType", "isArchived");

    private TeamShapes() {
    }

    static ObjectNode channel(Seed.Team team, Seed.Channel channel, String tenantId, Instant created) {
        ObjectNode n = Responses.JSON.createObjectNode();
        n.put("id", channel.id());
        n.put("createdDateTime", Responses.graphDate(created));
        n.put("displayName", channel.displayName());
        n.putNull("description");
        n.putNull("isFavoriteByDefault");
        n.put("email", "");
        n.put("tenantId", tenantId);
        n.put("webUrl", "https://teams.microsoft.com/l/channel/" + URLEncoder.encode(channel.id(), StandardCharsets.UTF_8)
                + "/" + URLEncoder.encode(String.valueOf(channel.displayName()), StandardCharsets.UTF_8).replace("+", "%20")
                + "?groupId=" + team.id() + "&tenantId=" + tenantId);
        n.put("membershipType", "standard");
        n.put("isArchived", false);
        return n;
    }

    /** Membership ids are opaque to clients; Graph's decode to {@code <team id>##<user id>}, so do these. */
    static String membershipId(Seed.Team team, String userId) {
        return Base64.getEncoder().encodeToString((team.id() + "##" + userId).getBytes(StandardCharsets.UTF_8));
    }

    static ObjectNode member(Seed.Team team, DirectoryUser user, String tenantId) {
        ObjectNode n = Responses.JSON.createObjectNode();
        n.put("@odata.type", "#" + MEMBER_TYPE);
        n.put("id", membershipId(team, user.id()));
        n.putArray("roles");
        n.put("displayName", user.displayName());
        n.put("visibleHistoryStartDateTime", "0001-01-01T00:00:00Z");
        n.put("userId", user.id());
        n.put("email", user.mail());
        n.put("tenantId", tenantId);
        return n;
    }

    static Object memberProperty(Seed.Team team, DirectoryUser user, String tenantId, String name) {
        return switch (name) {
            case "id" -> membershipId(team, user.id());
            case "displayName" -> user.displayName();
            case "userId" -> user.id();
            case "email" -> user.mail();
            case "tenantId" -> tenantId;
            default -> null;
        };
    }
}
