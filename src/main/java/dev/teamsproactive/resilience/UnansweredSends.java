package dev.teamsproactive.resilience;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.camel.Exchange;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * Tells a Bot Connector POST that went out but got no answer (the connection dropped or timed out while waiting) from
 * one that never reached the service (no connection, no TLS session). The first may have delivered the message:
 * posting it again could deliver it twice, so the error policy records the recipient IN_DOUBT instead of retrying.
 * The second is safe to retry. {@code teams.bot-send.retry-unanswered=true} retries both (at least once instead of
 * at most once).
 */
public final class UnansweredSends {
    /** Set by routes/5-bot-send around the POST: a failure while it is set happened at the send itself. */
    public static final String AWAITING_ANSWER = "awaitingBotAnswer";

    private final boolean retryUnanswered;

    public UnansweredSends(boolean retryUnanswered) {
        this.retryUnanswered = retryUnanswered;
    }

    /** The {@code onWhen} of the error policy's IN_DOUBT rule. */
    public boolean isUnanswered(Exchange exchange) {
        if (retryUnanswered || !exchange.getProperty(AWAITING_ANSWER, false, Boolean.class)) {
            return false;
        }
        return mayHaveArrived(Failures.of(exchange));
    }

    /** True when the request may have been written: the failure came after the connection was up. */
    static boolean mayHaveArrived(Throwable failure) {
        for (Throwable t : Failures.chain(failure)) {
            if (t instanceof ConnectException || t instanceof ConnectTimeoutException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException || t instanceof SSLHandshakeException) {
                return false;
            }
            if (t instanceof NoHttpResponseException || t instanceof ConnectionClosedException
                    || t instanceof SocketTimeoutException || t instanceof SocketException || t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }
}
