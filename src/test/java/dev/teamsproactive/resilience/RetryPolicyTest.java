package dev.teamsproactive.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The retry rules are bounded and jittered, and an open breaker's wait does not use up the 5xx retries. */
class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(new RetryPolicy.Throttling(1_000, 60_000, 10), new ThrottleCounter(),
            new RetryPolicy.Backoff(100, 1_000, 5), new RetryPolicy.BreakerWait(200, 1_000));

    @Test
    void transientFaultsBackOffExponentiallyWithJitterAndStopAfterTheMaximum() {
        Exchange exchange = exchange();
        List<Long> delays = new ArrayList<>();
        while (policy.afterTransientFault(exchange)) {
            delays.add(exchange.getIn().getHeader(Exchange.REDELIVERY_DELAY, Long.class));
        }
        assertThat(delays).hasSize(5);
        long[] ceilings = {100, 200, 400, 800, 1_000};
        for (int i = 0; i < ceilings.length; i++) {
            assertThat(delays.get(i)).as("retry %d", i + 1).isBetween(ceilings[i] / 2, ceilings[i]);
        }
    }

    @Test
    void theDelaysOfManyRecipientsAreSpreadOut() {
        List<Long> firstDelays = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Exchange exchange = exchange();
            policy.afterTransientFault(exchange);
            firstDelays.add(exchange.getIn().getHeader(Exchange.REDELIVERY_DELAY, Long.class));
        }
        assertThat(firstDelays.stream().distinct().count()).isGreaterThan(10);
    }

    @Test
    void waitingOnAnOpenBreakerIsBoundedInTotalAndStartsTheTransientCountAgain() {
        Exchange exchange = exchange();
        for (int i = 0; i < 4; i++) {
            policy.afterTransientFault(exchange);
        }
        int waits = 0;
        while (policy.whileBreakerOpen(exchange)) {
            waits++;
            assertThat(exchange.getIn().getHeader(Exchange.REDELIVERY_DELAY, Long.class)).isBetween(100L, 200L);
        }
        assertThat(waits).isBetween(5, 10);
        // The faults met before the outage were the outage's: five transient retries are available again.
        int retries = 0;
        while (policy.afterTransientFault(exchange)) {
            retries++;
        }
        assertThat(retries).isEqualTo(5);
    }

    private static Exchange exchange() {
        return new DefaultExchange(new DefaultCamelContext());
    }

    @Test
    void aConnectionFailureThatIsRetriedSaysSoInAWarnLineAtMostEveryTenSeconds() {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(RetryPolicy.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            for (int recipient = 0; recipient < 3; recipient++) {
                Exchange exchange = exchange();
                exchange.setProperty(Exchange.EXCEPTION_CAUGHT,
                        new java.net.ConnectException("Connect to https://127.0.0.1:46091 failed: Connection refused"));
                assertThat(policy.afterTransientFault(exchange)).isTrue();
            }
        } finally {
            logger.detachAppender(logs);
        }

        assertThat(logs.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
            assertThat(e.getFormattedMessage()).contains("Waiting on a connection failure")
                    .contains("https://127.0.0.1:46091").contains("try 2 of 6");
        });
    }
}
