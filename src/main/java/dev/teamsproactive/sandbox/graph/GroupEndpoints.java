package dev.teamsproactive.sandbox.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.teamsproactive.sandbox.graph.GraphCharges.IdentityCost;
import dev.teamsproactive.sandbox.http.Responses;
import dev.teamsproactive.sandbox.tenant.DirectoryUser;
import dev.teamsproactive.sandbox.tenant.Seed;
import io.vertx.core.http.HttpMethod;
import java.util.List;

/**
 * A group as an audience: {@code members} (direct; nested groups appear as groups),
 * {@code transitiveMembers} (nested groups expanded, each user once) and the {@code microsoft.graph.user}
 * cast of either (users only). Paged like the directory: {@code $top} up to 999, 100 by default.
 */
final class GroupEndpoints {
    private static final String DIRECTORY_OBJECT = "microsoft.graph.directoryObject";
    private static final String USER_CAST = "/microsoft.graph.user";
    private final GraphCharges charges;

    GroupEndpoints(GraphCharges charges) {
        this.charges = charges;
    }

    void register(GraphRoutes routes) {
        routes.on(HttpMethod.GET, "/v1.0/groups/:groupId/members", call -> members(call, false, false));
        routes.on(HttpMethod.GET, "/v1.0/groups/:groupId/members" + USER_CAST, call -> members(call, false, true));
        routes.on(HttpMethod.GET, "/v1.0/groups/:groupId/transitiveMembers", call -> members(call, true, false));
        routes.on(HttpMethod.GET, "/v1.0/groups/:groupId/transitiveMembers" + USER_CAST, call -> members(call, true, true));
    }

    private void members(GraphCall call, boolean transitive, boolean usersOnly) {
        IdentityCost cost = transitive ? IdentityCost.TRANSITIVE_MEMBERS : IdentityCost.MEMBERS;
        if (!call.admit(charges.identity(cost, call.has("$select"), call.has("$expand"), call.caller().appId()))) {
            return;
        }
        call.require(GraphPermission.GROUP_MEMBERS_READ);
        QueryOptions q = call.query();
        String typeName = usersOnly ? UserShape.TYPE : DIRECTORY_OBJECT;
        q.allowExpand(typeName);
        List<String> selectable = usersOnly ? UserShape.PROPERTIES : GroupShape.MEMBER_PROPERTIES;
        Selection users = Selection.of(q.select(), UserShape.DEFAULTS, selectable, typeName);
        Selection groups = Selection.of(q.select(), null, selectable, typeName);
        ODataFilter filter = q.filter() == null ? null
                : q.filter().bind(UserShape.index(selectable), typeName);
        int size = q.pageSize(UserEndpoints.DEFAULT_PAGE, UserEndpoints.MAX_PAGE);
        String groupId = call.param("groupId");
        Seed.Group group = call.tenant().directory().group(groupId)
                .orElseThrow(() -> GraphException.directoryNotFound(groupId));
        List<Object> members = call.tenant().directory().groupMembers(group, transitive).stream()
                .filter(m -> !usersOnly || m instanceof DirectoryUser)
                .filter(m -> filter == null || filter.test(name -> property(m, name)))
                .toList();
        Page<Object> page = Page.of(members, q.skip(), size);
        ArrayNode values = Responses.JSON.createArrayNode();
        page.items().forEach(m -> values.add(GroupShape.member(m, users, groups)));
        String entitySet = usersOnly ? "users" : "directoryObjects";
        call.collection(users.context(entitySet), values, page.next());
    }

    private static Object property(Object member, String name) {
        if (member instanceof DirectoryUser u) {
            return UserShape.property(u, name);
        }
        Seed.Group g = (Seed.Group) member;
        return switch (name) {
            case "id" -> g.id();
            case "displayName" -> g.displayName();
            default -> null;
        };
    }
}
