package dev.teamsproactive.cluster;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One process alone: a token bucket per pacing bucket in memory (Bucket4j), {@code permits} per {@code period}
 * restored whole at each period's end, as Camel's throttle did: at most that many calls start in any period. A 429
 * pauses only the exchange that met it (its Retry-After delay), as before.
 */
public final class LocalPacing extends PacingBuckets {
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public LocalPacing(Map<String, Rate> rates) {
        super(rates);
    }

    @Override
    protected void waitForPermit(String bucket, Rate rate) throws InterruptedException {
        buckets.computeIfAbsent(bucket, b -> Bucket.builder()
                .addLimit(limit -> limit.capacity(rate.permits())
                        .refillIntervally(rate.permits(), Duration.ofMillis(rate.periodMillis())))
                .build()).asBlocking().consume(1);
    }

    @Override
    public void pause(String bucket, long millis) {
        // One process: the exchange that met the 429 waits its Retry-After; the others keep the even pace.
    }
}
