package dev.teamsproactive.app;

import dev.teamsproactive.config.Settings;
import dev.teamsproactive.config.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: Camel main with the YAML routes of {@code routes/}, the beans they call, and the
 * settings of {@code config/}, aimed at the resolved {@link Target}.
 */
public final class Application implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    /**
     * @param configDir  the folder of application.properties, messages/ and campaigns/
     * @param routesDir  the folder of *.camel.yaml routes; null for ./routes when it exists, else the packaged ones
     * @param inbox      whether the drop folder is watched (not for {@code send})
     */
    public record Options(Path configDir, Path routesDir, TargetResolver.Mode mode, String sandboxUrl, boolean inbox) {
    }

    private final Main main;
    private final BuiltInSandbox sandbox;
    private final Wiring wiring;

    private final Target target;
    private final String statusUrl;

    private Application(Main main, BuiltInSandbox sandbox, Wiring wiring, Target target, String statusUrl) {
        this.main = main;
        this.sandbox = sandbox;
        this.wiring = wiring;
        this.target = target;
        this.statusUrl = statusUrl;
    }

    /** The status page's URL as the port is really bound (the configured host, not Camel's 0.0.0.0), or null. */
    private static String statusUrl(Settings settings, Options options) {
        String enabled = settings.require("teams.http.enabled");
        boolean on = "auto".equalsIgnoreCase(enabled) ? options.inbox() : Boolean.parseBoolean(enabled);
        if (!on) {
            return null;
        }
        String host = settings.require("teams.http.host");
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + settings.getInt("teams.http.port")
                + "/status";
    }

    public static Application start(Options options) throws Exception {
        if (!Files.isDirectory(options.configDir())) {
            throw new IllegalArgumentException("--config: " + options.configDir().toAbsolutePath()
                    + " is not a folder (it holds application.properties and messages/; the repository's config/ is one)");
        }
        Settings settings = Settings.load(options.configDir(), System.getenv());
        // Checked first: a cluster setting that cannot work starts nothing, not even the built-in sandbox.
        dev.teamsproactive.cluster.ClusterSettings cluster = dev.teamsproactive.cluster.ClusterSettings.of(settings,
                settings.get("teams.ledger.url").orElse(null));
        TargetResolver.Resolved resolved = TargetResolver.resolve(settings, options.mode(), options.sandboxUrl());
        Target target = resolved.target();
        // The first line of every command, on standard error (standard output ends with send's summary): nobody
        // sends to the sandbox believing they reached people, or the reverse.
        System.err.println("Target: " + target.description());
        Wiring wiring = null;
        try {
            wiring = Wiring.create(settings, target, cluster, options.inbox());
            Main main = new Main();
            main.configure().withRoutesIncludePattern(routesPattern(options.routesDir()));
            main.setOverrideProperties(camelProperties(settings, target, options, cluster));
            wiring.bindTo(main);
            main.start();
            deferInternalRoutesAtShutdown(main.getCamelContext());
            LOG.info("Inbox: {}. Reports: {}.", wiring.inbox().toAbsolutePath(), wiring.reports().toAbsolutePath());
            return new Application(main, resolved.sandbox(), wiring, target, statusUrl(settings, options));
        } catch (Exception | Error e) {
            if (wiring != null) {
                wiring.close();
            }
            if (resolved.sandbox() != null) {
                resolved.sandbox().close();
            }
            throw e;
        }
    }

    /**
     * Routes fed by other routes (direct:, seda:) are shut down after the routes feeding them (Defer): during a
     * graceful stop, recipients already handed to the split still reach them, instead of blocking on a
     * suspended consumer until the shutdown timeout.
     */
    private static void deferInternalRoutesAtShutdown(CamelContext context) {
        for (org.apache.camel.Route route : context.getRoutes()) {
            String uri = route.getEndpoint().getEndpointUri();
            if (uri.startsWith("direct:") || uri.startsWith("seda:")) {
                route.setShutdownRoute(org.apache.camel.ShutdownRoute.Defer);
            }
        }
    }

    private static String routesPattern(Path routesDir) {
        Path dir = routesDir != null ? routesDir : Path.of("routes");
        if (routesDir != null && !Files.isDirectory(routesDir)) {
            throw new IllegalArgumentException("--routes: " + routesDir.toAbsolutePath() + " is not a folder");
        }
        return Files.isDirectory(dir) ? "file:" + dir.toAbsolutePath() + "/*.camel.yaml"
                : "classpath:defaults/routes/*.camel.yaml";
    }

    /** What the routes' {{…}} placeholders read: the settings, plus the endpoints of the target. */
    private static Properties camelProperties(Settings settings, Target target, Options options,
            dev.teamsproactive.cluster.ClusterSettings cluster) {
        Properties p = settings.resolved();
        p.setProperty("teams.graph-url", target.graph());
        p.setProperty("teams.bot-service-url", target.botServiceUrl());
        p.setProperty("teams.tenant-id", target.credentials().tenantId());
        p.setProperty("teams.app-external-id", target.appExternalId());
        p.setProperty("teams.inbox", settings.require("teams.inbox"));
        p.setProperty("teams.inbox.enabled", Boolean.toString(options.inbox()));
        // The routes' throttles read each rate as even permits per period.
        Pacing.derive(settings, p);
        // The inbox's read lock and the schedules' misfire instruction, alone or in cluster mode.
        cluster.routeProperties(p);
        // Every HTTP step shares one connection pool (see HttpConnections).
        p.setProperty("camel.component.http.client-connection-manager", "#" + HttpConnections.BEAN);
        p.setProperty("camel.component.https.client-connection-manager", "#" + HttpConnections.BEAN);
        // Set (from the file or TEAMS_APP_CATALOG_ID): the catalog lookup, and AppCatalog.Read.All, are skipped.
        settings.get("teams.app-catalog-id").ifPresent(id -> p.setProperty("teams.app-catalog-id", id));
        dev.teamsproactive.observe.ObserveSettings.apply(settings, options.inbox(), options.routesDir(), p);
        // Schedules run with the service (`run`), not during a one-off `send`, unless a setting says otherwise.
        p.setProperty("teams.schedules.enabled", settings.get("teams.schedules.enabled", Boolean.toString(options.inbox())));
        if (target.trust() != null) {
            // The sandbox's certificate is trusted for its calls only; Microsoft's keep the JDK's trust.
            p.setProperty("camel.component.https.ssl-context-parameters", "#" + Wiring.SANDBOX_TLS);
        }
        return p;
    }

    /**
     * Runs the preflight route (tokens, permissions, the app in the catalog) on its own, as {@code run} does at
     * start; throws {@link dev.teamsproactive.preflight.PreflightFailedException} naming what an admin must do.
     */
    public void preflight() throws Exception {
        call("direct:preflight", java.util.Map.of(dev.teamsproactive.props.Props.PREFLIGHT_AT_START, true));
    }

    /**
     * Starts preflight in the background, for a campaign about to start: the tokens and the app's catalog lookup
     * overlap the checks of its file and its registration; the campaign's own preflight waits for it and finds the
     * answers cached (a failure is found again and reported there, so nothing is sent).
     */
    public void startPreflightAhead() {
        wiring.preflightAhead().start(producer());
    }

    /**
     * Sends one exchange with these properties (a null value sets none) to a route and gives back the finished exchange. Camel's send()
     * hands a failure back on the exchange instead of throwing it; this throws it, for the commands to report.
     */
    public org.apache.camel.Exchange call(String endpoint, java.util.Map<String, Object> properties) throws Exception {
        org.apache.camel.Exchange result = producer().send(endpoint, exchange -> properties.forEach(exchange::setProperty));
        if (result.getException() != null) {
            throw result.getException();
        }
        return result;
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public ProducerTemplate producer() {
        return main.getCamelContext().createProducerTemplate();
    }

    /** Where calls go. */
    public Target target() {
        return target;
    }

    /** The status page's URL (e.g. http://127.0.0.1:8080/status), or null when no HTTP port is open. */
    public String statusUrl() {
        return statusUrl;
    }

    public BuiltInSandbox sandbox() {
        return sandbox;
    }

    /** The drop folder. */
    public java.nio.file.Path inbox() {
        return wiring.inbox();
    }

    /** The ledger the routes write to (the resend command reads a campaign from it). */
    public dev.teamsproactive.ledger.Ledger ledger() {
        return wiring.ledger();
    }

    /**
     * Stops gracefully: running campaigns start no new recipient, Camel waits for the recipients in flight
     * (up to {@code camel.main.shutdown-timeout}), and only then is the ledger closed.
     */
    @Override
    public void close() {
        wiring.beginStop();
        try {
            main.stop();
        } finally {
            wiring.close();
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }
}
