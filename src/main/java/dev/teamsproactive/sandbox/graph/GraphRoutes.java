package dev.teamsproactive.sandbox.graph;

import dev.teamsproactive.sandbox.http.Api;
import dev.teamsproactive.sandbox.http.Responses;
import dev.teamsproactive.sandbox.http.Service;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Registers Graph endpoints on the sandbox's {@link Api} (so faults, latency, the token check and the
 * stats apply), and turns a {@link GraphException} thrown by an endpoint into Graph's error answer.
 */
final class GraphRoutes {
    @FunctionalInterface
    interface Handler {
        void handle(GraphCall call);
    }

    private final Api api;

    GraphRoutes(Api api) {
        this.api = api;
    }

    void on(HttpMethod method, String path, Handler handler) {
        api.on(method, path, Service.GRAPH, (ctx, caller) -> run(new GraphCall(ctx, caller, api), handler));
    }

    void onRegex(HttpMethod method, String regex, String template, Handler handler) {
        api.onRegex(method, regex, template, Service.GRAPH, (ctx, caller) -> run(new GraphCall(ctx, caller, api), handler));
    }

    private static void run(GraphCall call, Handler handler) {
        try {
            handler.handle(call);
        } catch (GraphException e) {
            RoutingContext ctx = call.ctx();
            if (!ctx.response().ended()) {
                Responses.graphError(ctx, e.status(), e.code(), e.getMessage());
            }
        }
    }
}
