package dev.teamsproactive.observe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Readiness: the identity platform answers. Asks for the tenant's OpenID metadata (public, no secret sent)
 * rather than for a token, since msal4j would answer a token request from its cache. An answer below 500
 * means the endpoint is there; the result is kept for a few seconds so probes do not hammer it.
 */
final class TokenEndpointHealthCheck extends ReadinessCheck {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration KEEP = Duration.ofSeconds(10);
    private final URI metadata;
    private final HttpClient client;
    private final Clock clock;
    private volatile Instant checkedAt = Instant.MIN;
    private volatile String problem;

    TokenEndpointHealthCheck(String authority, String tenant, SSLContext trust, Clock clock) {
        super("token-endpoint");
        this.metadata = URI.create(authority + "/" + tenant + "/v2.0/.well-known/openid-configuration");
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(TIMEOUT);
        if (trust != null) {
            b.sslContext(trust);
        }
        this.client = b.build();
        this.clock = clock;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        if (Duration.between(checkedAt, clock.instant()).compareTo(KEEP) > 0) {
            problem = probe();
            checkedAt = clock.instant();
        }
        builder.detail("url", metadata.toString());
        if (problem == null) {
            builder.up();
        } else {
            builder.message(problem).down();
        }
    }

    /** Null when the endpoint answered, else what went wrong. */
    private String probe() {
        try {
            HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(metadata).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() < 500 ? null
                    : "The token endpoint answered " + answer.statusCode() + " at " + metadata;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Interrupted while asking the token endpoint";
        } catch (Exception e) {
            return "The token endpoint is unreachable at " + metadata + ": " + e;
        }
    }
}
