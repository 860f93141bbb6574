package dev.teamsproactive.sandbox.auth;

import dev.teamsproactive.sandbox.http.Responses;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The identity platform's error body:
 * {@code {"error","error_description","error_codes":[…],"timestamp","trace_id","correlation_id"}}.
 * Used by the token endpoint and by injected faults on it, so a client parses both alike.
 */
public final class IdentityErrors {
    /** Entra ID writes its timestamp as {@code 2024-05-01 10:00:00Z}: a space, whole seconds, no fraction. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private IdentityErrors() {
    }

    /**
     * Answers {@code status} with the identity error body. {@code description} starts with the AADSTS code,
     * as Entra ID's do; the same code goes into {@code error_codes}.
     */
    public static void send(RoutingContext ctx, int status, String error, int code, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        body.put("error_codes", List.of(code));
        body.put("timestamp", TIMESTAMP.format(Instant.now()));
        body.put("trace_id", UUID.randomUUID().toString());
        body.put("correlation_id", correlationId(ctx));
        noStoreHeaders(ctx);
        Responses.json(ctx, status, body);
    }

    /**
     * The headers every token endpoint answer carries: never cached, and the client's {@code client-request-id}
     * echoed back (msal4j logs a warning when the echo is missing).
     */
    static void noStoreHeaders(RoutingContext ctx) {
        ctx.response().putHeader("Cache-Control", "no-store, no-cache").putHeader("Pragma", "no-cache");
        String given = ctx.request().getHeader("client-request-id");
        if (given != null && !given.isBlank()) {
            ctx.response().putHeader("client-request-id", given);
        }
    }

    /** Entra ID uses the client's {@code client-request-id} (msal4j sends one) as the correlation id. */
    static String correlationId(RoutingContext ctx) {
        String given = ctx.request().getHeader("client-request-id");
        return given != null && !given.isBlank() ? given : UUID.randomUUID().toString();
    }
}
