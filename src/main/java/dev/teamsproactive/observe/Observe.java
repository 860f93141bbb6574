package dev.teamsproactive.observe;

import dev.teamsproactive.config.Target;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * Puts progress, health, metrics and the status page into the service: the beans the progress route calls,
 * the registry the metrics count into (Camel's micrometer-prometheus serves it at /observe/metrics), the
 * readiness checks, and the status page's routes.
 */
public final class Observe {
    /** The name camel-micrometer looks the registry up by; binding our own lets our beans count into it. */
    public static final String METRICS_REGISTRY = "metricsRegistry";
    /** The http components' httpClientConfigurer (see {@link ObserveSettings}). */
    static final String CALL_METRICS = "callMetrics";

    private Observe() {
    }

    /**
     * @param inbox         the drop folder, whose rejected files the status page lists
     * @param progressEvery how often a running campaign gets a progress line
     */
    public static void bindTo(Main main, DataSource ledger, Target target, Path reports, Path inbox, Duration progressEvery) {
        CampaignBoard board = new CampaignBoard(ledger);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        main.bind(METRICS_REGISTRY, metrics);
        main.bind("deliveryMetrics", new DeliveryMetrics(metrics));
        main.bind(CALL_METRICS, new CallMetrics(metrics));
        main.bind("progressLog", new ProgressLog(board, progressEvery));
        main.configure().addRoutesBuilder(new StatusRoutes(new StatusApi(board, reports, inbox, Clock.systemUTC())));
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport m) {
                CamelContext context = m.getCamelContext();
                HealthCheckRegistry health = HealthCheckRegistry.get(context);
                if (health != null) {
                    health.register(new LedgerHealthCheck(ledger));
                    health.register(new TokenEndpointHealthCheck(target.authority(), target.credentials().tenantId(),
                            target.trust(), Clock.systemUTC()));
                }
            }
        });
    }
}
