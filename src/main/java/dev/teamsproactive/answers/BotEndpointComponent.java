package dev.teamsproactive.answers;

import java.util.List;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpConsumer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Camel's platform-http on a port of its own: the messaging endpoint faces Teams (through a reverse proxy or
 * tunnel), while the status port stays private. Camel's platform-http serves one server; this component gives its
 * routes a second Vert.x server (Camel's own {@link VertxPlatformHttpServer}), started with the first route that
 * listens on it and stopped with the component. {@code teams.bot-endpoint.enabled}: {@code false} never opens the
 * port, {@code auto} opens it in the service ({@code run}: the command that watches the inbox) and not in one-off
 * commands, which would clash with a running service over the port, {@code true} always. Closed, the route's
 * consumer does nothing.
 */
public final class BotEndpointComponent extends PlatformHttpComponent {
    private final VertxPlatformHttpServer server;
    private final int port;
    private final String enabled;
    private final Runnable onListening;

    /** @param onListening run once the port is open (against a sandbox: tell it where the endpoint is) */
    public BotEndpointComponent(String enabled, String host, int port, Runnable onListening) {
        if (!enabled.equals("false") && !enabled.equals("auto") && !enabled.equals("true")) {
            throw new IllegalArgumentException("teams.bot-endpoint.enabled must be false, auto or true, not '" + enabled + "'");
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("teams.bot-endpoint.port must be between 1 and 65535");
        }
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost(host);
        configuration.setBindPort(port);
        configuration.setServerType("bot-endpoint");
        // An activity is small; Teams' largest card answers stay far below this.
        configuration.setMaxBodySize(1024L * 1024);
        this.server = new VertxPlatformHttpServer(configuration);
        this.port = port;
        this.enabled = enabled;
        this.onListening = onListening;
        setEngine(new Engine());
    }

    private boolean open() {
        return enabled.equals("true") || enabled.equals("auto")
                && Boolean.parseBoolean(getCamelContext().getPropertiesComponent().resolveProperty("teams.inbox.enabled")
                        .orElse("false"));
    }

    private synchronized void startServer() {
        if (!server.isStarted()) {
            server.setCamelContext(getCamelContext());
            ServiceHelper.startService(server);
            onListening.run();
        }
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(server);
        super.doStop();
    }

    private final class Engine extends VertxPlatformHttpEngine {
        /**
         * Camel's engine binds itself in the registry as the platform-http engine; this one must not, or the status
         * page's routes would be served by it, on this port.
         */
        @Override
        protected void doInit() {
        }

        @Override
        public PlatformHttpConsumer createConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
            return new VertxPlatformHttpConsumer(endpoint, processor, List.copyOf(getHandlers()),
                    VertxPlatformHttpRouter.getRouterNameFromPort(port)) {
                @Override
                protected void doInit() throws Exception {
                    if (open()) {
                        startServer();
                        super.doInit();
                    }
                }

                @Override
                protected void doStart() throws Exception {
                    if (open()) {
                        super.doStart();
                    }
                }

                @Override
                protected void doStop() throws Exception {
                    if (open()) {
                        super.doStop();
                    }
                }
            };
        }

        @Override
        public int getServerPort() {
            return port;
        }
    }
}
