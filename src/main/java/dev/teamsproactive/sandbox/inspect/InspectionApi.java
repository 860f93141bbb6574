package dev.teamsproactive.sandbox.inspect;

import dev.teamsproactive.sandbox.Tenant;
import dev.teamsproactive.sandbox.http.Responses;
import io.vertx.ext.web.Router;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /_sandbox/*}: what tests, benchmarks and curious engineers read back (interfaces.md section 3).
 * Outside Graph's paths, with no token, no faults, no latency and no limits.
 */
public final class InspectionApi {
    private final Tenant tenant;

    public InspectionApi(Tenant tenant) {
        this.tenant = tenant;
    }

    public void register(Router router) {
        router.get("/_sandbox/stats").handler(ctx -> {
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("requests", tenant.requests().counts());
            stats.put("throttled", tenant.requests().throttled());
            stats.put("installs", tenant.installations().userInstallCount());
            stats.put("deliveries", tenant.deliveries().count());
            Responses.json(ctx, 200, stats);
        });
        router.get("/_sandbox/deliveries").handler(ctx -> Responses.json(ctx, 200, tenant.deliveries().all()));
        router.get("/_sandbox/requests").handler(ctx -> Responses.json(ctx, 200, tenant.requests().last()));
        router.post("/_sandbox/reset").handler(ctx -> {
            tenant.reset();
            Responses.json(ctx, 200, Map.of("reset", true));
        });
    }
}
