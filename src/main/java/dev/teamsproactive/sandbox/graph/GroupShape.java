package dev.teamsproactive.sandbox.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.sandbox.http.Responses;
import dev.teamsproactive.sandbox.tenant.DirectoryUser;
import dev.teamsproactive.sandbox.tenant.Seed;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Members of a group as Graph lists them: a {@code directoryObject} collection whose items say their type
 * in {@code @odata.type} (users, and nested groups). The seed's groups are security groups without mail.
 */
final class GroupShape {
    static final String TYPE = "microsoft.graph.group";
    static final List<String> PROPERTIES = List.of("id", "displayName", "description", "groupTypes", "mail",
            "mailEnabled", "mailNickname", "securityEnabled", "visibility");
    /** What a {@code $select} on a directoryObject collection may name: a user's or a group's properties. */
    static final List<String> MEMBER_PROPERTIES = union(UserShape.PROPERTIES, PROPERTIES);

    private GroupShape() {
    }

    static ObjectNode group(Seed.Group g) {
        ObjectNode n = Responses.JSON.createObjectNode();
        n.put("@odata.type", "#" + TYPE);
        n.put("id", g.id());
        n.put("displayName", g.displayName());
        n.putNull("description");
        n.putArray("groupTypes");
        n.putNull("mail");
        n.put("mailEnabled", false);
        n.put("mailNickname", nickname(g.displayName()));
        n.put("securityEnabled", true);
        n.putNull("visibility");
        return n;
    }

    static ObjectNode user(DirectoryUser u) {
        ObjectNode n = Responses.JSON.createObjectNode();
        n.put("@odata.type", "#" + UserShape.TYPE);
        n.setAll(UserShape.full(u));
        return n;
    }

    /** A member as Graph lists it: a user through {@code users}' selection, a group through {@code groups}'. */
    static ObjectNode member(Object member, Selection users, Selection groups) {
        if (member instanceof DirectoryUser u) {
            return users.apply(user(u));
        }
        return groups.apply(group((Seed.Group) member));
    }

    private static String nickname(String displayName) {
        String s = displayName == null ? "group" : displayName.replaceAll("[^A-Za-z0-9]", "");
        return s.isEmpty() ? "group" : s.toLowerCase(Locale.ROOT);
    }

    private static List<String> union(List<String> a, List<String> b) {
        LinkedHashSet<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(new ArrayList<>(all));
    }
}
