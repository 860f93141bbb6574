package dev.teamsproactive.delivery;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * When a 429 is retried, and after how long: the {@code retryWhile} of the 429 rule. Retry-After is honoured
 * (fractional seconds parsed, clamped to a maximum); without it the wait doubles with jitter. The delay goes
 * to Camel through the CamelRedeliveryDelay header, which bypasses the policy's own maximum: hence the clamp.
 */
public final class RetryPolicy {
    private static final String THROTTLE_RETRIES = "throttleRetries";
    private final long maxDelayMillis;
    private final int maxRetries;
    private final ThrottleCounter throttles;

    public RetryPolicy(long maxDelayMillis, int maxRetries, ThrottleCounter throttles) {
        this.maxDelayMillis = maxDelayMillis;
        this.maxRetries = maxRetries;
        this.throttles = throttles;
    }

    public boolean afterThrottle(Exchange exchange) {
        throttles.count(exchange.getProperty(Props.CAMPAIGN_ID, String.class));
        int retries = exchange.getProperty(THROTTLE_RETRIES, 0, Integer.class);
        if (retries >= maxRetries) {
            return false;
        }
        exchange.setProperty(THROTTLE_RETRIES, retries + 1);
        HttpOperationFailedException e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, HttpOperationFailedException.class);
        if (e == null) {
            e = exchange.getException(HttpOperationFailedException.class);
        }
        Long advised = e == null ? null : retryAfterMillis(e.getResponseHeaders());
        long delay = advised != null ? advised : backoffMillis(retries);
        exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, Math.min(maxDelayMillis, Math.max(0, delay)));
        return true;
    }

    /** Retry-After in seconds (fractions allowed, as Graph sends them); null when absent or unreadable. */
    static Long retryAfterMillis(Map<String, String> headers) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().toLowerCase(Locale.ROOT).equals("retry-after") && h.getValue() != null) {
                try {
                    return (long) Math.ceil(Double.parseDouble(h.getValue().trim()) * 1000);
                } catch (NumberFormatException notSeconds) {
                    return null; // an HTTP date: rare from these services; fall back to backoff
                }
            }
        }
        return null;
    }

    private static long backoffMillis(int retries) {
        long base = 1000L << Math.min(retries, 6);
        return base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    }
}
