package dev.teamsproactive.resilience;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLException;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * The failures worth another try, declared once for every rule of routes/error-policy.camel.yaml that retries them:
 * an answer 412, 502, 503 or 504; a connection that broke, timed out or never came up; no token to be had. Anything
 * else (400, 403, 404, 409, 413, 500 …, a bug) is not transient: the rule after it decides.
 */
public final class TransientFailures {
    /** The HTTP answers that say "not now": a precondition race (412), a gateway or the service itself busy. */
    public static final Set<Integer> STATUS_CODES = Set.of(412, 502, 503, 504);

    /** A connection that broke, timed out or never came up; a token that could not be had. */
    public static final List<Class<? extends Exception>> CONNECTION_FAILURES = List.of(SocketException.class,
            SocketTimeoutException.class, SSLException.class, NoHttpResponseException.class,
            ConnectionClosedException.class, ConnectTimeoutException.class,
            dev.teamsproactive.auth.TokenUnavailableException.class);

    private TransientFailures() {
    }

    /** The {@code onWhen} of the error policy's transient rules: the failure (or one of its causes) is transient. */
    public static boolean isTransient(Exchange exchange) {
        return isTransient(Failures.of(exchange));
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t : Failures.chain(failure)) {
            if (t instanceof HttpOperationFailedException http) {
                return STATUS_CODES.contains(http.getStatusCode());
            }
            for (Class<? extends Exception> kind : CONNECTION_FAILURES) {
                if (kind.isInstance(t)) {
                    return true;
                }
            }
        }
        return false;
    }
}
