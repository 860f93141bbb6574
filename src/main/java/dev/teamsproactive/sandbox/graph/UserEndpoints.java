package dev.teamsproactive.sandbox.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.sandbox.graph.GraphCharges.IdentityCost;
import dev.teamsproactive.sandbox.http.Responses;
import dev.teamsproactive.sandbox.tenant.Directory;
import dev.teamsproactive.sandbox.tenant.DirectoryUser;
import io.vertx.core.http.HttpMethod;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /v1.0/users/{id | userPrincipalName}} and {@code GET /v1.0/users} with {@code $filter},
 * {@code $select}, {@code $top} and paging: how recipients named by UPN or mail become object ids, and
 * how a whole tenant becomes an audience.
 */
final class UserEndpoints {
    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 999;
    private final GraphCharges charges;

    UserEndpoints(GraphCharges charges) {
        this.charges = charges;
    }

    void register(GraphRoutes routes) {
        routes.on(HttpMethod.GET, "/v1.0/users", this::list);
        routes.on(HttpMethod.GET, "/v1.0/users/:id", this::get);
    }

    private boolean admit(GraphCall call, IdentityCost cost) {
        return call.admit(charges.identity(cost, call.has("$select"), call.has("$expand"), call.caller().appId()));
    }

    private void get(GraphCall call) {
        if (!admit(call, IdentityCost.GET_USER)) {
            return;
        }
        call.require(GraphPermission.USERS_READ);
        QueryOptions q = call.query();
        q.allowExpand(UserShape.TYPE);
        Selection selection = Selection.of(q.select(), UserShape.DEFAULTS, UserShape.PROPERTIES, UserShape.TYPE);
        String idOrUpn = call.param("id");
        DirectoryUser user = call.tenant().directory().userByIdOrUpn(idOrUpn)
                .orElseThrow(() -> GraphException.directoryNotFound(idOrUpn));
        ObjectNode body = Responses.JSON.createObjectNode();
        body.put("@odata.context", call.context(selection.context("users") + "/$entity"));
        body.setAll(selection.apply(UserShape.full(user)));
        call.ok(body);
    }

    private void list(GraphCall call) {
        if (!admit(call, IdentityCost.LIST_USERS)) {
            return;
        }
        call.require(GraphPermission.USERS_READ);
        QueryOptions q = call.query();
        q.allowExpand(UserShape.TYPE);
        Selection selection = Selection.of(q.select(), UserShape.DEFAULTS, UserShape.PROPERTIES, UserShape.TYPE);
        ODataFilter filter = q.filter() == null ? null : q.filter().bind(UserShape.FILTERABLE, UserShape.TYPE);
        int size = q.pageSize(DEFAULT_PAGE, MAX_PAGE);
        Page<DirectoryUser> page = page(call.tenant().directory(), filter, q.skip(), size);
        ArrayNode values = Responses.JSON.createArrayNode();
        page.items().forEach(u -> values.add(selection.apply(UserShape.full(u))));
        call.collection(selection.context("users"), values, page.next());
    }

    /**
     * A filter that pins the id, UPN, mail or a proxy address is answered from the directory's index, like
     * Graph's; any other filter scans the directory in its stable order.
     */
    private static Page<DirectoryUser> page(Directory directory, ODataFilter filter, int skip, int size) {
        if (filter != null) {
            Optional<List<DirectoryUser>> indexed = indexed(directory, filter);
            if (indexed.isPresent()) {
                List<DirectoryUser> hits = indexed.get().stream()
                        .filter(u -> filter.test(name -> UserShape.property(u, name))).toList();
                return Page.of(hits, skip, size);
            }
        }
        return Page.scan(skip, directory.userCount(), directory::userAt,
                u -> filter == null || filter.test(name -> UserShape.property(u, name)), size);
    }

    private static Optional<List<DirectoryUser>> indexed(Directory directory, ODataFilter filter) {
        if (filter instanceof ODataFilter.Any any && any.property().equals("proxyAddresses")
                && any.requiredElement().orElse(null) instanceof String address) {
            return Optional.of(directory.userByProxyAddress(address).stream().toList());
        }
        for (String key : List.of("id", "userPrincipalName", "mail")) {
            Optional<Object> value = filter.requiredEquality(key);
            if (value.isPresent() && value.get() instanceof String s) {
                Optional<DirectoryUser> hit = switch (key) {
                    case "id" -> directory.userById(s);
                    case "userPrincipalName" -> directory.userByUpn(s);
                    default -> directory.userByMail(s);
                };
                return Optional.of(hit.stream().toList());
            }
        }
        return Optional.empty();
    }
}
