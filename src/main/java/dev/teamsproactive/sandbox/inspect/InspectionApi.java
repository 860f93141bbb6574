package dev.teamsproactive.sandbox.inspect;

import dev.teamsproactive.sandbox.Tenant;
import dev.teamsproactive.sandbox.faults.FaultSpec;
import dev.teamsproactive.sandbox.http.Responses;
import dev.teamsproactive.sandbox.http.Service;
import io.vertx.ext.web.Router;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /_sandbox/*}: what tests, benchmarks and curious engineers read back.
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
        // An outage on demand, to watch the routes ride it out: POST /_sandbox/faults?spec=5xx=1[&service=identity]
        // (service: identity, graph or botConnector; none = all three). spec=none ends it.
        router.post("/_sandbox/faults").handler(ctx -> {
            try {
                String spec = ctx.request().getParam("spec", "none");
                FaultSpec faults = spec.equals("none") ? FaultSpec.NONE : FaultSpec.parse(spec);
                String service = ctx.request().getParam("service");
                if (service == null) {
                    tenant.faults(faults);
                } else {
                    tenant.faults(Service.parse(service), faults);
                }
                Responses.json(ctx, 200, Map.of("faults", spec, "service", service == null ? "all" : service));
            } catch (IllegalArgumentException e) {
                Responses.json(ctx, 400, Map.of("error", e.getMessage()));
            }
        });
    }
}
