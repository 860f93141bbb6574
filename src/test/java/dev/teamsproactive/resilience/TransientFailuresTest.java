package dev.teamsproactive.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.auth.TokenUnavailableException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The error policy's one transient set: what is tried again, and what is this recipient's outcome at once. */
class TransientFailuresTest {
    @Test
    void busyAnswersAndBrokenConnectionsAreTransient() {
        for (int status : new int[] {412, 502, 503, 504}) {
            assertThat(TransientFailures.isTransient(answer(status))).as("HTTP %d", status).isTrue();
        }
        assertThat(TransientFailures.isTransient(new SocketTimeoutException("read timed out"))).isTrue();
        assertThat(TransientFailures.isTransient(new ConnectException("refused"))).isTrue();
        assertThat(TransientFailures.isTransient(new TokenUnavailableException("no token", null))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeCamelException(answer(503)))).as("as a cause").isTrue();
    }

    @Test
    void refusalsAndOurOwnFaultsAreNot() {
        for (int status : new int[] {400, 401, 403, 404, 409, 413, 429, 500}) {
            assertThat(TransientFailures.isTransient(answer(status))).as("HTTP %d", status).isFalse();
        }
        assertThat(TransientFailures.isTransient(new UnknownHostException("no.such.host"))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("a bug"))).isFalse();
        assertThat(TransientFailures.isTransient((Throwable) null)).isFalse();
    }

    @Test
    void readsTheFailureAnErrorHandlerCaught() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            Exchange exchange = new DefaultExchange(context);
            exchange.setProperty(Exchange.EXCEPTION_CAUGHT, answer(504));
            assertThat(TransientFailures.isTransient(exchange)).isTrue();
            exchange.setException(answer(403));
            assertThat(TransientFailures.isTransient(exchange)).isFalse();
        }
    }

    private static HttpOperationFailedException answer(int status) {
        return new HttpOperationFailedException("https://graph.example/v1.0/users", status, "status", null, Map.of(), "");
    }
}
