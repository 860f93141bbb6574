package dev.teamsproactive.sandbox.http;

import dev.teamsproactive.sandbox.Tenant;
import dev.teamsproactive.sandbox.auth.Caller;
import dev.teamsproactive.sandbox.auth.IdentityErrors;
import dev.teamsproactive.sandbox.faults.Fault;
import dev.teamsproactive.sandbox.limits.RateLimits;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Registers the sandbox's service endpoints so that each request goes the same way: counted under its
 * path template, then the injected fault and latency (before anything is processed), then the bearer
 * token check for Graph and the Bot Connector, then the endpoint itself.
 */
public final class Api {
    /** An endpoint that runs once the caller's token is checked (null caller for the token endpoint). */
    @FunctionalInterface
    public interface Endpoint {
        void handle(RoutingContext ctx, Caller caller);
    }

    public static final String TEMPLATE = "sandbox.template";
    private final Vertx vertx;
    private final Router router;
    private final Tenant tenant;

    public Api(Vertx vertx, Router router, Tenant tenant) {
        this.vertx = vertx;
        this.router = router;
        this.tenant = tenant;
    }

    public Tenant tenant() {
        return tenant;
    }

    /**
     * Adds an endpoint. {@code path} uses Vert.x's {@code :name} parameters; it is reported in
     * {@code /_sandbox/stats} with {@code {name}} instead.
     */
    public void on(HttpMethod method, String path, Service service, Endpoint endpoint) {
        String template = method.name() + " " + path.replaceAll(":([A-Za-z0-9_]+)", "{$1}");
        router.route(method, path).handler(ctx -> accept(ctx, template, service, endpoint));
    }

    /** As {@link #on} for a path that needs a regular expression (e.g. one with {@code $} in it). */
    public void onRegex(HttpMethod method, String regex, String template, Service service, Endpoint endpoint) {
        router.routeWithRegex(method, regex).handler(ctx -> accept(ctx, method.name() + " " + template, service, endpoint));
    }

    private void accept(RoutingContext ctx, String template, Service service, Endpoint endpoint) {
        ctx.put(TEMPLATE, template);
        switch (Fault.draw(tenant.faults(service))) {
            case SERVER_ERROR -> {
                int status = 502 + ThreadLocalRandom.current().nextInt(3);
                error(ctx, service, status, status == 503 ? "ServiceUnavailable" : status == 502 ? "BadGateway" : "GatewayTimeout",
                        "Injected fault: the service is temporarily unavailable.");
                return;
            }
            case THROTTLE -> {
                throttled(ctx, service, 0.2 + ThreadLocalRandom.current().nextDouble(0.8));
                return;
            }
            case RESET -> {
                // No answer at all: the request log records it as status 0 (see Sandbox.record).
                ctx.request().connection().close();
                return;
            }
            case SLOW -> {
                vertx.setTimer(Fault.SLOW_MILLIS + latency(), t -> authorize(ctx, service, endpoint));
                return;
            }
            case NONE -> {
            }
        }
        long delay = latency();
        if (delay > 0) {
            vertx.setTimer(delay, t -> authorize(ctx, service, endpoint));
        } else {
            authorize(ctx, service, endpoint);
        }
    }

    /** The configured latency with a quarter of it as jitter either way. */
    private long latency() {
        long base = tenant.latencyMillis();
        if (base <= 0) {
            return 0;
        }
        long jitter = base / 4;
        return Math.max(1, base - jitter + ThreadLocalRandom.current().nextLong(2 * jitter + 1));
    }

    private void authorize(RoutingContext ctx, Service service, Endpoint endpoint) {
        if (ctx.response().closed()) {
            return;
        }
        if (service.audience() == null) {
            endpoint.handle(ctx, null);
            return;
        }
        Optional<Caller> caller = tenant.tokens().verify(bearer(ctx), service.audience());
        if (caller.isEmpty() || !tenant.tenantId().equalsIgnoreCase(caller.get().tenantId())
                && service == Service.GRAPH) {
            if (service == Service.GRAPH) {
                Responses.graphError(ctx, 401, "InvalidAuthenticationToken",
                        bearer(ctx) == null ? "Access token is empty." : "Access token validation failure. Invalid audience, signature or expiry.");
            } else {
                Responses.botError(ctx, 401, "BotNotRegistered", "Authorization has been denied for this request.");
            }
            return;
        }
        try {
            endpoint.handle(ctx, caller.get());
        } catch (RuntimeException e) {
            error(ctx, service, 500, service == Service.GRAPH ? "generalException" : "ServiceError",
                    "The sandbox failed on this request: " + e);
        }
    }

    private static String bearer(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }

    /**
     * Charges the request to its buckets; when one is empty, answers the 429 of {@code service} with an honest
     * Retry-After and returns false.
     */
    public boolean admit(RoutingContext ctx, Service service, List<RateLimits.Charge> charges) {
        double wait = tenant.limits().tryAcquire(charges);
        if (wait <= 0) {
            return true;
        }
        throttled(ctx, service, wait);
        return false;
    }

    private static void throttled(RoutingContext ctx, Service service, double seconds) {
        if (service == Service.BOT_CONNECTOR) {
            Responses.botThrottled(ctx, seconds);
        } else if (service == Service.GRAPH) {
            Responses.graphThrottled(ctx, seconds);
        } else {
            ctx.response().putHeader("Retry-After", Responses.retryAfter(seconds));
            IdentityErrors.send(ctx, 429, "temporarily_unavailable", 50196,
                    "AADSTS50196: The server terminated an operation because it encountered a client request loop.");
        }
    }

    private static void error(RoutingContext ctx, Service service, int status, String code, String message) {
        if (service == Service.BOT_CONNECTOR) {
            Responses.botError(ctx, status, code, message);
        } else if (service == Service.GRAPH) {
            Responses.graphError(ctx, status, code, message);
        } else {
            IdentityErrors.send(ctx, status, "temporarily_unavailable", 90033,
                    "AADSTS90033: A transient error has occurred. Please try again. " + message);
        }
    }
}
