package dev.teamsproactive.auth;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.function.Predicate;
import org.apache.camel.Exchange;

/**
 * The {@code Authorization} header of each call, from msal4j: {@code tokens?method=graph} and
 * {@code tokens?method=bot} in the routes. After a 401 the error policy calls {@link #refreshOnce}. Every token goes
 * through the token endpoint's circuit breaker: while the endpoint is down, recipients wait instead of asking it again.
 */
public final class Tokens {
    private static final String TOKEN_FOR = "tokenFor";
    private static final String REFRESHED = "tokenRefreshed";
    private final TokenProvider graph;
    private final TokenProvider bot;
    private final CircuitBreaker breaker;
    private final Predicate<Exchange> waitWhileEndpointDown;

    /**
     * @param waitWhileEndpointDown the error policy's wait for an open breaker (RetryPolicy::whileBreakerOpen):
     *                              true to make the call again after the delay it set, false when waited long enough
     */
    public Tokens(TokenProvider graph, TokenProvider bot, CircuitBreaker tokenEndpointBreaker,
            Predicate<Exchange> waitWhileEndpointDown) {
        this.graph = graph;
        this.bot = bot;
        this.breaker = tokenEndpointBreaker;
        this.waitWhileEndpointDown = waitWhileEndpointDown;
    }

    public String graph(Exchange exchange) {
        exchange.setProperty(TOKEN_FOR, "graph");
        return breaker.executeSupplier(graph::authorization);
    }

    public String bot(Exchange exchange) {
        exchange.setProperty(TOKEN_FOR, "bot");
        return breaker.executeSupplier(bot::authorization);
    }

    /**
     * The {@code retryWhile} of the 401 rule: the first time, gets a newly issued token of the same kind and
     * says "retry"; a second 401 for the same recipient and kind of token is final.
     */
    public boolean refreshOnce(Exchange exchange) {
        String kind = exchange.getProperty(TOKEN_FOR, "graph", String.class);
        if (exchange.getProperty(REFRESHED + kind, false, Boolean.class)) {
            return false;
        }
        TokenProvider provider = "bot".equals(kind) ? bot : graph;
        try {
            // Kept by the provider as its current token: the retried call step (kamelets/) takes it for its header.
            breaker.executeSupplier(provider::refreshedAuthorization);
        } catch (TokenUnavailableException | CallNotPermittedException endpointDown) {
            // No new token while the token endpoint is down: the 401 is not this recipient's outcome yet. The call
            // waits as for an open breaker (teams.breaker.wait-ms, at most max-wait-ms in all) and is made again;
            // its next 401 asks for a token again, as the one refresh was not used.
            return waitWhileEndpointDown.test(exchange);
        }
        exchange.setProperty(REFRESHED + kind, true);
        return true;
    }
}
