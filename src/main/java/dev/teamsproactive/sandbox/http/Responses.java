package dev.teamsproactive.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/** Writes JSON answers and the error bodies of each service in its own documented shape. */
public final class Responses {
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** The key under which each request's Graph request-id is kept, so headers and bodies agree. */
    private static final String REQUEST_ID = "sandbox.requestId";

    private Responses() {
    }

    public static void json(RoutingContext ctx, int status, Object body) {
        String text;
        try {
            text = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpServerResponse r = ctx.response().setStatusCode(status);
        r.putHeader("Content-Type", "application/json; charset=utf-8");
        r.end(text);
    }

    public static void empty(RoutingContext ctx, int status) {
        ctx.response().setStatusCode(status).end();
    }

    /** The request-id Graph puts in its response headers and error bodies. */
    public static String requestId(RoutingContext ctx) {
        String id = ctx.get(REQUEST_ID);
        if (id == null) {
            id = UUID.randomUUID().toString();
            ctx.put(REQUEST_ID, id);
        }
        return id;
    }

    /** Graph's error body: {@code {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}}. */
    public static void graphError(RoutingContext ctx, int status, String code, String message) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message);
        ObjectNode inner = error.putObject("innerError");
        inner.put("date", DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        inner.put("request-id", requestId(ctx));
        inner.put("client-request-id", clientRequestId(ctx));
        json(ctx, status, body);
    }

    /** Graph's 429: the documented body, with {@code Retry-After} in (possibly fractional) seconds. */
    public static void graphThrottled(RoutingContext ctx, double retryAfterSeconds) {
        ctx.response().putHeader("Retry-After", retryAfter(retryAfterSeconds));
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", "TooManyRequests");
        error.put("message", "Please retry again later.");
        ObjectNode inner = error.putObject("innerError");
        inner.put("code", "429");
        inner.put("date", DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        inner.put("message", "Please retry after");
        inner.put("request-id", requestId(ctx));
        inner.put("status", "429");
        json(ctx, 429, body);
    }

    /** The Bot Connector's error body: {@code {"error":{"code","message"}}}. */
    public static void botError(RoutingContext ctx, int status, String code, String message) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message);
        json(ctx, status, body);
    }

    public static void botThrottled(RoutingContext ctx, double retryAfterSeconds) {
        ctx.response().putHeader("Retry-After", retryAfter(retryAfterSeconds));
        botError(ctx, 429, "Throttled", "The request was throttled; retry after " + retryAfter(retryAfterSeconds) + " s.");
    }

    /** Seconds with up to three decimals, never rounded down to zero. */
    public static String retryAfter(double seconds) {
        double ms = Math.max(1, Math.ceil(seconds * 1000));
        return String.format(Locale.ROOT, "%.3f", ms / 1000.0).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String clientRequestId(RoutingContext ctx) {
        String given = ctx.request().getHeader("client-request-id");
        return given != null ? given : requestId(ctx);
    }

    /** Graph's dates, e.g. 2024-05-01T10:00:00Z. */
    public static String graphDate(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.atOffset(ZoneOffset.UTC).toInstant());
    }
}
