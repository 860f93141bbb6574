package dev.teamsproactive.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;

/**
 * Counts every Graph and Bot Connector request where it leaves: in the HTTP client that Camel's http
 * component uses (set as the component's {@code httpClientConfigurer}). There each attempt, retries
 * included, has its real path and status; a route's {@code toD} step only knows the base URL.
 *
 * <pre>
 * teams_calls_seconds{endpoint,status}     each request: "POST /v3/conversations/{id}/activities", "201"
 *                                          (status is the exception's name when no answer came)
 * teams_throttled_calls_total{endpoint}    requests answered 429
 * </pre>
 */
public final class CallMetrics implements HttpClientConfigurer {
    private final MeterRegistry registry;

    public CallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.addExecInterceptorFirst("teams-call-metrics", new Handler());
    }

    private final class Handler implements ExecChainHandler {
        @Override
        public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
                throws IOException, HttpException {
            String endpoint = CallNames.of(request.getMethod(), request.getPath());
            long start = System.nanoTime();
            String status = "none";
            try {
                ClassicHttpResponse response = chain.proceed(request, scope);
                status = Integer.toString(response.getCode());
                return response;
            } catch (IOException | HttpException | RuntimeException e) {
                status = e.getClass().getSimpleName();
                throw e;
            } finally {
                record(endpoint, status, System.nanoTime() - start);
            }
        }
    }

    private void record(String endpoint, String status, long nanos) {
        Timer.builder("teams.calls").description("Graph and Bot Connector requests, by endpoint and HTTP status")
                .tag("endpoint", endpoint).tag("status", status).register(registry)
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        if ("429".equals(status)) {
            Counter.builder("teams.throttled.calls").description("Requests answered 429 Too Many Requests")
                    .tag("endpoint", endpoint).register(registry).increment();
        }
    }
}
