package dev.teamsproactive.resilience;

import dev.teamsproactive.auth.Tokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import org.apache.camel.model.Resilience4jConfigurationDefinition;

/**
 * One circuit breaker per service: Graph, the Bot Connector and the token endpoint. The routes name the first two
 * in their {@code circuitBreaker} steps ({@code configuration: graph} / {@code botConnector}); {@link Tokens} uses
 * the third. Settings {@code teams.breaker.*} (config/application.properties).
 *
 * <p>An open breaker refuses calls with resilience4j's {@code CallNotPermittedException}: the error policy makes the
 * recipient wait and try again ({@link RetryPolicy#whileBreakerOpen}), it does not fail them.
 */
public final class CircuitBreakers {
    public static final String GRAPH = "graph";
    public static final String BOT_CONNECTOR = "botConnector";
    public static final String TOKEN_ENDPOINT = "tokenEndpoint";

    private final CircuitBreakerConfig config;
    private final CircuitBreaker graph;
    private final CircuitBreaker botConnector;
    private final CircuitBreaker tokenEndpoint;

    /** @param setting reads {@code teams.breaker.<name>}, or the default given */
    public CircuitBreakers(Settings setting) {
        this.config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(setting.get("window"))
                .minimumNumberOfCalls(setting.get("minimum-calls"))
                .failureRateThreshold(setting.get("failure-rate-percent"))
                .waitDurationInOpenState(Duration.ofMillis(setting.get("open-ms")))
                .permittedNumberOfCallsInHalfOpenState(setting.get("half-open-calls"))
                .recordException(new ServiceDown())
                .writableStackTraceEnabled(false)
                .build();
        this.graph = CircuitBreaker.of(GRAPH, config);
        this.botConnector = CircuitBreaker.of(BOT_CONNECTOR, config);
        // Tokens come from msal4j's cache, so the endpoint sees few calls: a lone caller (the catalog lookup at a
        // campaign's start) must open this one before its own retries run out.
        this.tokenEndpoint = CircuitBreaker.of(TOKEN_ENDPOINT, CircuitBreakerConfig.from(config)
                .minimumNumberOfCalls(setting.get("token-endpoint.minimum-calls")).build());
    }

    /** Reads {@code teams.breaker.<name>}; a missing one is an error naming it. */
    @FunctionalInterface
    public interface Settings {
        int get(String name);
    }

    public CircuitBreaker graph() {
        return graph;
    }

    public CircuitBreaker botConnector() {
        return botConnector;
    }

    public CircuitBreaker tokenEndpoint() {
        return tokenEndpoint;
    }

    /**
     * The Camel configuration a route's {@code circuitBreaker} step names: it uses this breaker, and an open
     * breaker throws (without this, Camel would skip the call and carry on as if it had succeeded).
     */
    public static Resilience4jConfigurationDefinition configurationFor(String breakerBeanName) {
        Resilience4jConfigurationDefinition definition = new Resilience4jConfigurationDefinition();
        definition.setCircuitBreaker(breakerBeanName);
        definition.setThrowExceptionWhenHalfOpenOrOpenState("true");
        return definition;
    }
}
