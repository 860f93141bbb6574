package dev.teamsproactive.observe;

import dev.teamsproactive.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Turns the few {@code teams.http.*} and {@code teams.routes.reload} settings into the Camel properties that
 * switch on one HTTP port for health, metrics and the status page (camel-platform-http-main), and route
 * hot reload for development. One port on purpose: a status page, a probe and a scraper all find it.
 */
public final class ObserveSettings {
    public static final String HEALTH_PATH = "/observe/health";
    public static final String METRICS_PATH = "/observe/metrics";

    private ObserveSettings() {
    }

    /**
     * @param service   true for {@code run}; {@code send} opens no port unless {@code teams.http.enabled=true}
     * @param routesDir the routes folder the service loads, or null for the packaged routes
     */
    public static void apply(Settings settings, boolean service, Path routesDir, Properties p) {
        String enabled = settings.require("teams.http.enabled");
        boolean on = "auto".equalsIgnoreCase(enabled) ? service : Boolean.parseBoolean(enabled);
        String host = settings.require("teams.http.host");
        String port = Integer.toString(settings.getInt("teams.http.port"));
        p.setProperty("teams.http.enabled", Boolean.toString(on));
        // The status page and its data (platform-http routes) and health/metrics (the management server)
        // share one Vert.x server: same host, same port.
        p.setProperty("camel.server.enabled", Boolean.toString(on));
        p.setProperty("camel.server.host", host);
        p.setProperty("camel.server.port", port);
        p.setProperty("camel.management.enabled", Boolean.toString(on));
        p.setProperty("camel.management.host", host);
        p.setProperty("camel.management.port", port);
        p.setProperty("camel.management.health-check-enabled", "true");
        p.setProperty("camel.management.metrics-enabled", "true");
        p.setProperty("camel.metrics.enabled", "true");
        p.setProperty("camel.health.enabled", "true");
        // Every Graph / Bot Connector request is counted in the HTTP client itself (CallMetrics).
        p.setProperty("camel.component.http.http-client-configurer", "#" + Observe.CALL_METRICS);
        p.setProperty("camel.component.https.http-client-configurer", "#" + Observe.CALL_METRICS);
        reload(settings, routesDir, p);
    }

    /** Development only: edited *.camel.yaml files are reloaded while the service runs. */
    private static void reload(Settings settings, Path routesDir, Properties p) {
        boolean reload = Boolean.parseBoolean(settings.require("teams.routes.reload"));
        Path dir = routesDir != null ? routesDir : Path.of("routes");
        if (reload && Files.isDirectory(dir)) {
            p.setProperty("camel.main.routes-reload-enabled", "true");
            p.setProperty("camel.main.routes-reload-directory", dir.toAbsolutePath().toString());
            p.setProperty("camel.main.routes-reload-pattern", "*.camel.yaml");
            // Only the saved file's routes are replaced; the others (and the status page's) keep running,
            // and the metrics keep counting.
            p.setProperty("camel.main.routes-reload-remove-all-routes", "false");
            p.setProperty("camel.metrics.clear-on-reload", "false");
        }
    }
}
