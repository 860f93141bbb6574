package dev.teamsproactive.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;

/**
 * Which failures of a Bot Connector POST may have delivered the message (IN_DOUBT, never posted again) and which
 * happened before the request went out (safe to retry).
 */
class UnansweredSendsTest {
    private final UnansweredSends atMostOnce = new UnansweredSends(false);

    @Test
    void aFailureAfterTheRequestWentOutMayHaveDelivered() {
        assertThat(atMostOnce.isUnanswered(atThePost(new NoHttpResponseException("127.0.0.1:443 failed to respond")))).isTrue();
        assertThat(atMostOnce.isUnanswered(atThePost(new SocketTimeoutException("Read timed out")))).isTrue();
        assertThat(atMostOnce.isUnanswered(atThePost(new SocketException("Connection reset")))).isTrue();
    }

    @Test
    void aFailureBeforeTheRequestWentOutIsSafeToRetry() {
        assertThat(atMostOnce.isUnanswered(atThePost(new ConnectException("Connection refused")))).isFalse();
        assertThat(atMostOnce.isUnanswered(atThePost(new HttpHostConnectException("Connect to 127.0.0.1:443 failed")))).isFalse();
        assertThat(atMostOnce.isUnanswered(atThePost(new ConnectTimeoutException("Connect timed out")))).isFalse();
        assertThat(atMostOnce.isUnanswered(atThePost(new SSLHandshakeException("PKIX path building failed")))).isFalse();
        assertThat(atMostOnce.isUnanswered(atThePost(new UnknownHostException("smba.trafficmanager.net")))).isFalse();
    }

    @Test
    void onlyAtThePostItselfAndOnlyWhenAtMostOnceIsChosen() {
        Exchange elsewhere = atThePost(new NoHttpResponseException("no answer"));
        elsewhere.removeProperty(UnansweredSends.AWAITING_ANSWER);
        assertThat(atMostOnce.isUnanswered(elsewhere)).as("a Graph call, or the token").isFalse();
        assertThat(new UnansweredSends(true).isUnanswered(atThePost(new NoHttpResponseException("no answer"))))
                .as("teams.bot-send.retry-unanswered=true").isFalse();
    }

    private static Exchange atThePost(Exception failure) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(UnansweredSends.AWAITING_ANSWER, true);
        exchange.setException(failure);
        return exchange;
    }
}
