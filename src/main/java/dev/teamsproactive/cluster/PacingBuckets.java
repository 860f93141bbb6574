package dev.teamsproactive.cluster;

import dev.teamsproactive.props.Props;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * The {@code pacing} bean: every paced call takes one permit of its bucket (install, installed-apps, teams-get,
 * bot-sends, identity) before it goes, waiting as long as the bucket says. Alone, the buckets are this process's
 * ({@link LocalPacing}); in cluster mode they are shared by every instance through the database ({@link SharedPacing}),
 * so the tenant's limits hold however many instances send.
 */
public abstract class PacingBuckets implements AutoCloseable {
    /**
     * Even permits per period, about a fifth of a second's worth at a time (see the app's Pacing).
     *
     * @param permits      calls allowed per period
     * @param periodMillis the period
     */
    public record Rate(long permits, long periodMillis) {
    }

    protected final Map<String, Rate> rates;

    protected PacingBuckets(Map<String, Rate> rates) {
        this.rates = Map.copyOf(rates);
    }

    /** Waits for a permit of {@code bucket}, and notes the bucket on the exchange (a 429 then pauses that bucket). */
    public void take(Exchange exchange, String bucket) throws InterruptedException {
        Rate rate = rates.get(bucket);
        if (rate == null) {
            throw new IllegalArgumentException("No pacing bucket '" + bucket + "': the buckets are " + rates.keySet());
        }
        exchange.setProperty(Props.PACING_BUCKET, bucket);
        waitForPermit(bucket, rate);
    }

    protected abstract void waitForPermit(String bucket, Rate rate) throws InterruptedException;

    /** A 429 asked to wait this long: the bucket gives no permit meanwhile (shared: on every instance). */
    public abstract void pause(String bucket, long millis);

    @Override
    public void close() {
    }
}
