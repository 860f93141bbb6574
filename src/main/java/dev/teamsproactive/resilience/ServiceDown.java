package dev.teamsproactive.resilience;

import dev.teamsproactive.auth.TokenUnavailableException;
import java.io.IOException;
import java.util.function.Predicate;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * What a circuit breaker counts as a failure of the service: a 5xx answer, no answer at all (reset, timeout,
 * refused connection) or no token. Any other answer (200, 404, 429 …) shows the service is up, so it counts
 * as a success: a 429 storm is paced by Retry-After, not by the breaker.
 */
public final class ServiceDown implements Predicate<Throwable> {
    @Override
    public boolean test(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpOperationFailedException http) {
                return http.getStatusCode() >= 500;
            }
            if (t instanceof IOException || t instanceof TokenUnavailableException) {
                return true;
            }
        }
        return false;
    }
}
