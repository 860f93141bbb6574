package dev.teamsproactive.sandbox;

import dev.teamsproactive.sandbox.auth.TokenEndpoint;
import dev.teamsproactive.sandbox.bot.BotConnectorApi;
import dev.teamsproactive.sandbox.graph.GraphApi;
import dev.teamsproactive.sandbox.http.Api;
import dev.teamsproactive.sandbox.http.Responses;
import dev.teamsproactive.sandbox.inspect.InspectionApi;
import dev.teamsproactive.sandbox.teams.TeamsChannel;
import dev.teamsproactive.sandbox.tenant.Seed;
import dev.teamsproactive.tls.SandboxTls;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for the identity platform's token endpoint, Microsoft Graph and the Teams Bot Connector,
 * over HTTPS on 127.0.0.1. Start it in-process with {@link #start}; close it when done.
 */
public final class Sandbox implements AutoCloseable {
    /** Bodies above this are refused outright; the Bot Connector's own 413 comes far below it. */
    private static final long BODY_LIMIT = 8L * 1024 * 1024;
    /** The status the request log gives a request that got no answer (connection closed first). */
    public static final int NO_ANSWER = 0;
    /** Vert.x's port number for "a random free port, shared by every server given the same number". */
    private static final int SHARED_RANDOM_PORT = -1;
    private final Vertx vertx;
    private final Tenant tenant;
    private final List<HttpServer> servers;
    private final String url;
    private final TeamsChannel teams;

    private Sandbox(Vertx vertx, Tenant tenant, List<HttpServer> servers, String url, TeamsChannel teams) {
        this.vertx = vertx;
        this.tenant = tenant;
        this.servers = servers;
        this.url = url;
        this.teams = teams;
    }

    public static Sandbox start(SandboxOptions options) throws IOException {
        Seed seed = options.seed() == null ? Seed.defaultTenant() : Seed.read(options.seed());
        Tenant tenant = new Tenant(seed, options);
        TeamsChannel teams = new TeamsChannel(tenant, null);
        int loops = Math.max(1, Runtime.getRuntime().availableProcessors());
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops).setWorkerPoolSize(1));
        HttpServerOptions serverOptions = new HttpServerOptions()
                .setHost("127.0.0.1")
                .setSsl(true)
                .setKeyCertOptions(new PfxOptions().setValue(Buffer.buffer(SandboxTls.serverKeyStoreBytes()))
                        .setPassword(SandboxTls.password()))
                .setTcpNoDelay(true)
                .setIdleTimeout(120);
        List<HttpServer> servers = new ArrayList<>();
        try {
            // One server per event loop on the same port; Vert.x shares the port and spreads connections
            // across them. For "any free port" Vert.x shares a random port only when asked with a negative
            // number: with 0, each server would bind its own port and all traffic would meet the first one.
            int port = options.port() == 0 ? SHARED_RANDOM_PORT : options.port();
            for (int i = 0; i < loops; i++) {
                servers.add(listen(vertx, new HttpServerOptions(serverOptions).setPort(port), tenant, teams));
            }
        } catch (IOException | RuntimeException e) {
            vertx.close();
            throw e;
        }
        String url = "https://127.0.0.1:" + servers.get(0).actualPort();
        tenant.baseUrl(url);
        return new Sandbox(vertx, tenant, servers, url, teams);
    }

    /**
     * Starts one server inside its own verticle. Why a verticle: a server created from a plain thread gets
     * that thread's one (sticky) Vert.x context, so every server, and every connection, would share a single
     * event loop and the sandbox would use one core whatever the machine has.
     */
    private static HttpServer listen(Vertx vertx, HttpServerOptions options, Tenant tenant, TeamsChannel teams)
            throws IOException {
        ServerVerticle verticle = new ServerVerticle(options, tenant, teams);
        try {
            vertx.deployVerticle(verticle).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            return verticle.server;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while starting the sandbox", e);
        } catch (Exception e) {
            throw new IOException("The sandbox cannot listen on 127.0.0.1:" + Math.max(0, options.getPort()) + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
    }

    /** One HTTPS server with its own router, on the event loop Vert.x gives this verticle. */
    private static final class ServerVerticle extends AbstractVerticle {
        private final HttpServerOptions options;
        private final Tenant tenant;
        private final TeamsChannel teams;
        private volatile HttpServer server;

        ServerVerticle(HttpServerOptions options, Tenant tenant, TeamsChannel teams) {
            this.options = options;
            this.tenant = tenant;
            this.teams = teams;
        }

        @Override
        public void start(Promise<Void> started) {
            vertx.createHttpServer(options).requestHandler(router(vertx, tenant, teams)).listen().onComplete(listening -> {
                if (listening.succeeded()) {
                    server = listening.result();
                    started.complete();
                } else {
                    started.fail(listening.cause());
                }
            });
        }
    }

    private static Router router(Vertx vertx, Tenant tenant, TeamsChannel teams) {
        Router router = Router.router(vertx);
        router.route().handler(ctx -> {
            ctx.addEndHandler(done -> record(ctx, tenant));
            ctx.next();
        });
        router.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT).setHandleFileUploads(false));
        new InspectionApi(tenant).register(router);
        teams.register(router);
        Api api = new Api(vertx, router, tenant);
        new TokenEndpoint(tenant).register(api);
        new GraphApi(tenant).register(router, api);
        new BotConnectorApi(tenant).register(api);
        router.route().last().handler(ctx -> notFound(ctx));
        return router;
    }

    private static void notFound(RoutingContext ctx) {
        String path = ctx.request().path();
        if (path.startsWith("/v3/")) {
            Responses.botError(ctx, 404, "NotFound", "No such Bot Connector operation: " + ctx.request().method() + " " + path);
        } else {
            Responses.graphError(ctx, 400, "BadRequest", "Resource not found for the segment '"
                    + path.substring(path.lastIndexOf('/') + 1) + "'.");
        }
    }

    private static void record(RoutingContext ctx, Tenant tenant) {
        String template = ctx.get(Api.TEMPLATE);
        String path = ctx.request().path();
        if (template == null) {
            if (path.startsWith("/_sandbox/")) {
                return;
            }
            template = ctx.request().method().name() + " (no such path)";
        }
        // A request whose connection closed before an answer was written (the reset fault, or a client that
        // gave up) is recorded with status 0: Vert.x would otherwise report its default status, 200.
        int status = ctx.response().ended() ? ctx.response().getStatusCode() : NO_ANSWER;
        tenant.requests().record(template, ctx.request().method().name(), path, ctx.request().query(), status);
    }

    public String url() {
        return url;
    }

    public int port() {
        return servers.get(0).actualPort();
    }

    public Tenant tenant() {
        return tenant;
    }

    /** The sandbox as Teams towards the bot: its signing keys and the users' acts. */
    public TeamsChannel teams() {
        return teams;
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Closing is best effort: the port is freed when the JVM exits anyway.
        }
    }
}
