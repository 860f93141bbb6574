package dev.teamsproactive.observe;

import dev.teamsproactive.input.RejectedInputException;
import dev.teamsproactive.props.Props;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.spi.CamelEvent.ExchangeRedeliveryEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * The delivery's Prometheus metrics, counted from Camel's own exchange events so the routes stay free of
 * counting steps: retries, each recipient's final status (a send to direct:record) and each campaign's
 * duration (a send to direct:campaign). The calls themselves are counted by {@link CallMetrics}.
 *
 * <pre>
 * teams_retries_total{reason}                  calls made again by the error policy (status or exception)
 * teams_recipients_total{status,code}          recipients' final statuses
 * teams_campaign_duration_seconds{outcome}     finished, rejected or failed campaigns (count, sum, max)
 * </pre>
 */
public final class DeliveryMetrics extends EventNotifierSupport {
    private static final String RECORD = "direct://record";
    private static final String CAMPAIGN = "direct://campaign";
    private final MeterRegistry registry;

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeSentEvent || event instanceof ExchangeRedeliveryEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof ExchangeSentEvent sent) {
            String uri = sent.getEndpoint().getEndpointUri();
            Exchange exchange = sent.getExchange();
            if (uri.startsWith(RECORD) && exchange.getException() == null) {
                recipient(exchange);
            } else if (uri.equals(CAMPAIGN) || uri.startsWith(CAMPAIGN + "?")) {
                // Not direct://campaign-run, the steps the campaign route wraps: one campaign is counted once.
                campaign(exchange, sent.getTimeTaken());
            }
        } else if (event instanceof ExchangeRedeliveryEvent redelivery) {
            Counter.builder("teams.retries").description("Calls made again by the error policy, by what failed")
                    .tag("reason", reason(redelivery.getExchange())).register(registry).increment();
        }
    }

    private void recipient(Exchange exchange) {
        Counter.builder("teams.recipients").description("Recipients' final statuses, with the failure code")
                .tag("status", orEmpty(exchange.getProperty(Props.STATUS, String.class)))
                .tag("code", orEmpty(exchange.getProperty(Props.CODE, String.class)))
                .register(registry).increment();
    }

    private void campaign(Exchange exchange, long millis) {
        Exception e = exchange.getException();
        String outcome = e == null ? "finished" : e instanceof RejectedInputException ? "rejected" : "failed";
        Timer.builder("teams.campaign.duration").description("How long campaigns took, by how they ended")
                .tag("outcome", outcome).register(registry).record(millis, TimeUnit.MILLISECONDS);
    }

    private static String reason(Exchange exchange) {
        Throwable e = exchange.getException();
        if (e == null) {
            e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        }
        if (e instanceof HttpOperationFailedException http) {
            return Integer.toString(http.getStatusCode());
        }
        return e == null ? "unknown" : e.getClass().getSimpleName();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
