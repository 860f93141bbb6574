package dev.teamsproactive.resilience;

import dev.teamsproactive.props.Props;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a failed call is tried again, and after how long: the {@code retryWhile} of the error policy's rules.
 * Each rule keeps its own count on the exchange (Camel's one redelivery counter would mix them up: a recipient
 * that waited out an open breaker would find its 5xx retries used up).
 * <ul>
 * <li>429: Retry-After is honoured (fractional seconds parsed, clamped); without it the wait starts at
 * {@code throttling.firstDelayMillis} and doubles, with jitter.</li>
 * <li>412, 502–504, no answer, no token: exponential backoff with jitter, at most {@code backoff.maxRetries} in a row.</li>
 * <li>an open circuit breaker: the recipient waits (with jitter) and asks again, for at most {@code breakerMaxWaitMillis}
 * in all; the transient count starts again, since the fault was the service's outage and not this call's.</li>
 * </ul>
 * The delay goes to Camel through the CamelRedeliveryDelay header, which bypasses the policy's own maximum: hence the clamps.
 */
public final class RetryPolicy {
    private static final String THROTTLE_RETRIES = "throttleRetries";
    private static final String TRANSIENT_RETRIES = "transientRetries";
    private static final String BREAKER_WAITED = "breakerWaitedMillis";

    /**
     * 429 answers: the first wait when the answer has no Retry-After (it then doubles), the ceiling of any wait,
     * and how many retries in a row.
     */
    public record Throttling(long firstDelayMillis, long maxDelayMillis, int maxRetries) {
    }

    /** Exponential backoff: first delay, ceiling, and how many retries in a row. */
    public record Backoff(long firstDelayMillis, long maxDelayMillis, int maxRetries) {
    }

    /** How long a recipient waits between two looks at an open breaker, and in all. */
    public record BreakerWait(long delayMillis, long maxWaitMillis) {
    }

    private final Throttling throttling;
    private final ThrottleCounter throttles;
    private final Backoff backoff;
    private final BreakerWait breakerWait;
    private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);
    private static final long WAIT_LOG_EVERY_MILLIS = 10_000;
    private final java.util.concurrent.atomic.AtomicLong lastWaitLogged = new java.util.concurrent.atomic.AtomicLong(
            -WAIT_LOG_EVERY_MILLIS);

    public RetryPolicy(Throttling throttling, ThrottleCounter throttles, Backoff backoff, BreakerWait breakerWait) {
        this.throttling = throttling;
        this.throttles = throttles;
        this.backoff = backoff;
        this.breakerWait = breakerWait;
    }

    /** Where a 429's Retry-After goes besides this exchange's own wait: bucket name, milliseconds (cluster mode: to every instance). */
    private volatile java.util.function.ObjLongConsumer<String> pauseBucket = (bucket, millis) -> { };

    /** A 429's Retry-After also pauses the pacing bucket the failed call took its permit from. */
    public RetryPolicy pausingBuckets(java.util.function.ObjLongConsumer<String> pause) {
        this.pauseBucket = pause;
        return this;
    }

    /** A recipient starts with no retries used: forgets those the campaign's exchange (say, the catalog lookup) used. */
    public static void forgetRetries(Exchange exchange) {
        exchange.removeProperty(THROTTLE_RETRIES);
        exchange.removeProperty(TRANSIENT_RETRIES);
        exchange.removeProperty(BREAKER_WAITED);
    }

    public boolean afterThrottle(Exchange exchange) {
        throttles.count(exchange.getProperty(Props.CAMPAIGN_ID, String.class));
        int retries = exchange.getProperty(THROTTLE_RETRIES, 0, Integer.class);
        if (retries >= throttling.maxRetries()) {
            return false;
        }
        exchange.setProperty(THROTTLE_RETRIES, retries + 1);
        HttpOperationFailedException e = exchange.getException(HttpOperationFailedException.class);
        if (e == null) {
            e = org.apache.camel.util.ObjectHelper.getException(HttpOperationFailedException.class,
                    exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
        }
        Long advised = e == null ? null : retryAfterMillis(e.getResponseHeaders());
        long delay = advised != null ? advised : throttleBackoffMillis(retries);
        String bucket = exchange.getProperty(Props.PACING_BUCKET, String.class);
        if (advised != null && bucket != null) {
            pauseBucket.accept(bucket, Math.min(throttling.maxDelayMillis(), Math.max(0, advised)));
        }
        exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, Math.min(throttling.maxDelayMillis(), Math.max(0, delay)));
        return true;
    }

    /** 412, 502–504, a broken connection or timeout, no token: exponential backoff with jitter, bounded. */
    public boolean afterTransientFault(Exchange exchange) {
        int retries = exchange.getProperty(TRANSIENT_RETRIES, 0, Integer.class);
        if (retries >= backoff.maxRetries()) {
            return false;
        }
        exchange.setProperty(TRANSIENT_RETRIES, retries + 1);
        long ceiling = Math.min(backoff.maxDelayMillis(), backoff.firstDelayMillis() << Math.min(retries, 20));
        long delay = withJitter(ceiling);
        exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, delay);
        sayWhyWaiting(exchange, retries + 1, delay);
        return true;
    }

    /**
     * A connection that fails (nothing listens there, no route to it) is retried quietly per recipient; so that a
     * campaign never waits without a word, one WARN line says so, at most every {@link #WAIT_LOG_EVERY_MILLIS}.
     */
    private void sayWhyWaiting(Exchange exchange, int attempt, long delay) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (caught == null || caught instanceof HttpOperationFailedException) {
            return;
        }
        long now = System.currentTimeMillis();
        long last = lastWaitLogged.get();
        if (now - last < WAIT_LOG_EVERY_MILLIS || !lastWaitLogged.compareAndSet(last, now)) {
            return;
        }
        LOG.warn("Waiting on a connection failure: {} (campaign {} line {}: try {} of {} in {} ms; others may be"
                + " waiting too)", caught.getMessage() == null ? caught.getClass().getSimpleName() : caught.getMessage(),
                exchange.getProperty(Props.CAMPAIGN_ID), exchange.getProperty(Props.LINE), attempt + 1,
                backoff.maxRetries() + 1, delay);
    }

    /** A circuit breaker refused the call: the service is down. Wait and ask again, up to the total allowed. */
    public boolean whileBreakerOpen(Exchange exchange) {
        long waited = exchange.getProperty(BREAKER_WAITED, 0L, Long.class);
        if (waited >= breakerWait.maxWaitMillis()) {
            return false;
        }
        long delay = withJitter(breakerWait.delayMillis());
        exchange.setProperty(BREAKER_WAITED, waited + delay);
        exchange.setProperty(TRANSIENT_RETRIES, 0);
        exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, delay);
        return true;
    }

    /** Between half and all of {@code ceiling}, so that recipients that failed together do not retry together. */
    private static long withJitter(long ceiling) {
        long base = Math.max(1, ceiling);
        return base / 2 + ThreadLocalRandom.current().nextLong(base - base / 2 + 1);
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

    /** Doubling from the first delay; the shift stops at 6 (64 times), far above any ceiling, so it cannot overflow. */
    private long throttleBackoffMillis(int retries) {
        return withJitter(throttling.firstDelayMillis() << Math.min(retries, 6));
    }
}
