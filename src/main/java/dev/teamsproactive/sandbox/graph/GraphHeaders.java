package dev.teamsproactive.sandbox.graph;

import dev.teamsproactive.sandbox.http.Responses;
import io.vertx.ext.web.RoutingContext;

/**
 * Stamps every answer under {@code /v1.0/} (errors, throttling, injected faults and 401s included) with
 * Graph's {@code request-id} and {@code client-request-id} headers, the same ids its error bodies carry,
 * so a support request can quote them.
 */
final class GraphHeaders {
    private GraphHeaders() {
    }

    static void stamp(RoutingContext ctx) {
        String requestId = Responses.requestId(ctx);
        String clientRequestId = ctx.request().getHeader("client-request-id");
        ctx.addHeadersEndHandler(v -> {
            ctx.response().headers().set("request-id", requestId);
            ctx.response().headers().set("client-request-id", clientRequestId != null ? clientRequestId : requestId);
            ctx.response().headers().set("OData-Version", "4.0");
        });
        ctx.next();
    }
}
