package dev.teamsproactive.bench;

import dev.teamsproactive.tls.SandboxTls;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.TrustOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.TrustManagerFactory;

/**
 * A closed-loop load generator for the sandbox: {@code connections} keep-alive HTTPS (HTTP/1.1) connections,
 * each sending its next client-credentials token request as soon as the previous one is answered, for a
 * warm-up (TLS handshakes, JIT; not counted) and then a measured window. The token endpoint is the target
 * because it goes through the whole {@code Api} pipeline (faults, latency, recording) with no state to set up.
 */
public final class SandboxLoad {
    public static final String TARGET = "POST /{tenant}/oauth2/v2.0/token";

    /** Where to send and with which credentials (the sandbox tenant's own). */
    public record Target(String baseUrl, String tenantId, String clientId, String clientSecret) {
    }

    private final Target target;
    private final int connections;

    public SandboxLoad(Target target, int connections) {
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1");
        }
        this.target = target;
        this.connections = connections;
    }

    public LoadResult run(Duration warmUp, Duration measured) throws InterruptedException {
        // One event loop for the client: the machine's cores are better left to the sandbox being measured.
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        try {
            HttpClient http = vertx.createHttpClient(clientOptions(), new PoolOptions().setHttp1MaxSize(connections));
            Buffer form = Buffer.buffer(form());
            RequestOptions request = requestOptions();
            long start = System.nanoTime();
            long measureFrom = start + warmUp.toNanos();
            long measureUntil = measureFrom + measured.toNanos();
            Window window = new Window(measureFrom, measureUntil);
            CountDownLatch done = new CountDownLatch(connections);
            for (int i = 0; i < connections; i++) {
                vertx.runOnContext(v -> loop(http, request, form, window, done));
            }
            if (!done.await(warmUp.plus(measured).plusSeconds(60).toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the load did not finish: requests stopped being answered");
            }
            return new LoadResult(TARGET, connections, measured.toNanos() / 1e9, window.samples.size(),
                    window.errors.get(), window.samples.percentileMicros(50), window.samples.percentileMicros(99));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /** Requests started inside [from, until) are counted; each worker stops at {@code until}. */
    private static final class Window {
        final long from;
        final long until;
        final LatencySamples samples = new LatencySamples();
        final AtomicLong errors = new AtomicLong();

        Window(long from, long until) {
            this.from = from;
            this.until = until;
        }
    }

    private static void loop(HttpClient http, RequestOptions request, Buffer form, Window window, CountDownLatch done) {
        long sent = System.nanoTime();
        if (sent >= window.until) {
            done.countDown();
            return;
        }
        http.request(request)
                .compose(req -> req.send(form))
                .compose(resp -> resp.body().map(body -> resp.statusCode()))
                .onComplete(answer -> {
                    if (sent >= window.from) {
                        if (answer.succeeded() && answer.result() == 200) {
                            window.samples.add((System.nanoTime() - sent) / 1_000);
                        } else {
                            window.errors.incrementAndGet();
                        }
                    }
                    loop(http, request, form, window, done);
                });
    }

    private HttpClientOptions clientOptions() {
        URI uri = URI.create(target.baseUrl());
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(SandboxTls.trustStore());
            return new HttpClientOptions()
                    .setSsl("https".equals(uri.getScheme()))
                    .setTrustOptions(TrustOptions.wrap(trust))
                    .setVerifyHost(true)
                    .setProtocolVersion(HttpVersion.HTTP_1_1)
                    .setKeepAlive(true)
                    .setPipelining(false)
                    .setTcpNoDelay(true)
                    .setConnectTimeout(10_000)
                    .setDefaultHost(uri.getHost())
                    .setDefaultPort(uri.getPort());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot trust the sandbox certificate", e);
        }
    }

    private RequestOptions requestOptions() {
        return new RequestOptions().setMethod(HttpMethod.POST)
                .setURI("/" + target.tenantId() + "/oauth2/v2.0/token")
                .putHeader("Content-Type", "application/x-www-form-urlencoded")
                .setTimeout(30_000);
    }

    private String form() {
        return "grant_type=client_credentials&client_id=" + enc(target.clientId()) + "&client_secret="
                + enc(target.clientSecret()) + "&scope=" + enc("https://graph.microsoft.com/.default");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
