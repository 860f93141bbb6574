package dev.teamsproactive.sandbox.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.sandbox.Tenant;
import dev.teamsproactive.sandbox.auth.Caller;
import dev.teamsproactive.sandbox.http.Api;
import dev.teamsproactive.sandbox.http.Responses;
import dev.teamsproactive.sandbox.http.Service;
import dev.teamsproactive.sandbox.limits.RateLimits.Charge;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One Graph request being answered: its path parameters, query options, caller, and the ways to answer. */
final class GraphCall {
    private final RoutingContext ctx;
    private final Caller caller;
    private final Api api;
    private QueryOptions query;

    GraphCall(RoutingContext ctx, Caller caller, Api api) {
        this.ctx = ctx;
        this.caller = caller;
        this.api = api;
    }

    Tenant tenant() {
        return api.tenant();
    }

    Caller caller() {
        return caller;
    }

    RoutingContext ctx() {
        return ctx;
    }

    /** A path parameter, percent-decoded (Vert.x decodes path parameters; {@code +} stays a plus). */
    String param(String name) {
        return ctx.pathParam(name);
    }

    boolean has(String queryOption) {
        return ctx.queryParams().contains(queryOption);
    }

    QueryOptions query() {
        if (query == null) {
            query = QueryOptions.parse(ctx.queryParams());
        }
        return query;
    }

    /** Charges the limits; false when throttled, the 429 then already written. */
    boolean admit(List<Charge> charges) {
        return api.admit(ctx, Service.GRAPH, charges);
    }

    void require(GraphPermission permission) {
        permission.check(caller);
    }

    /** {@code https://<sandbox>/v1.0}: where the sandbox's Graph lives, used in every link it writes. */
    String serviceRoot() {
        return tenant().baseUrl() + "/v1.0";
    }

    /** An {@code @odata.context} URL, e.g. {@code context("users/$entity")}. */
    String context(String fragment) {
        return serviceRoot() + "/$metadata#" + fragment;
    }

    /**
     * The whole URL of the next page: this request's own URL, its query kept as the client wrote it, with
     * the {@code $skiptoken} replaced by one that starts at {@code position}.
     */
    String nextLink(int position) {
        StringBuilder query = new StringBuilder();
        String raw = ctx.request().query();
        if (raw != null) {
            for (String part : raw.split("&")) {
                int eq = part.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
                if (part.isEmpty() || name.equals("$skiptoken")) {
                    continue;
                }
                query.append(part).append('&');
            }
        }
        query.append("$skiptoken=").append(QueryOptions.skipToken(position));
        return tenant().baseUrl() + ctx.request().path() + "?" + query;
    }

    /** A collection answer: context, next link when there is a next page, the values. */
    void collection(String contextFragment, ArrayNode values, int nextPosition) {
        ObjectNode body = Responses.JSON.createObjectNode();
        body.put("@odata.context", context(contextFragment));
        if (nextPosition >= 0) {
            body.put("@odata.nextLink", nextLink(nextPosition));
        }
        body.set("value", values);
        ok(body);
    }

    void ok(ObjectNode body) {
        Responses.json(ctx, 200, body);
    }

    void created() {
        Responses.empty(ctx, 201);
    }

    void noContent() {
        Responses.empty(ctx, 204);
    }
}
