package dev.teamsproactive.cluster;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster mode: each pacing bucket is one token bucket in the {@code pacing_buckets} table (Bucket4j's PostgreSQL
 * proxy manager, select for update), shared by every instance, so all campaigns on all instances together stay
 * within the tenant's limit. The tenant's limits are counted as token buckets refilled evenly (Microsoft's and the
 * sandbox's alike: 50 sends per second may come as 10 every 200 ms, never as 60 in the next second), so the shared
 * bucket is refilled evenly too and holds at most one block: the cluster is never more than a few permits ahead of
 * the even pace, whatever each instance's timing, and the service's own latency jitter (a permit taken here reaches
 * Microsoft a little later on a busy host) stays well inside the tenant's one-second allowance.
 *
 * <p>An instance takes permits in small blocks (a fifth of a period's permits, at least one) in one round trip,
 * reserving them in the shared bucket and waiting locally until they are due, then hands them out to its own calls;
 * a block not used within a period is dropped, never saved up into a burst. Ahead of the even pace there are thus at
 * most one block in the shared bucket plus one block per instance. The refill follows the clock of the member that
 * wrote the bucket last (Bucket4j ignores time going back), so a skew between the members' clocks adds at most the
 * bucket's one block. A 429's Retry-After puts the shared bucket that much in debt, so every instance waits it out.
 */
public final class SharedPacing extends PacingBuckets {
    private static final Logger LOG = LoggerFactory.getLogger(SharedPacing.class);

    /**
     * The version of the buckets' shape (capacity, refill): a bucket stored by a version of the service that shaped it
     * otherwise (1: a period's permits at once) is reshaped at its next use instead of being used as stored.
     */
    private static final long BUCKET_SHAPE_VERSION = 2;

    private final ProxyManager<String> buckets;
    private final Map<String, LocalBlock> blocks = new ConcurrentHashMap<>();

    public SharedPacing(DataSource db, Map<String, Rate> rates) {
        super(rates);
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(db).primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("pacing_buckets").idColumn("id").stateColumn("state").build();
    }

    /** Permits taken from the shared bucket for this instance, valid until they are a period old. */
    private static final class LocalBlock {
        final ReentrantLock lock = new ReentrantLock(true);
        long left;
        long validUntilNanos;
    }

    /** 50/s as 10 per 200 ms: blocks of 2, so about 25 round trips a second for the whole cluster. */
    static long blockSize(Rate rate) {
        return Math.max(1, rate.permits() / 5);
    }

    @Override
    protected void waitForPermit(String bucket, Rate rate) throws InterruptedException {
        LocalBlock block = blocks.computeIfAbsent(bucket, b -> new LocalBlock());
        block.lock.lockInterruptibly();
        try {
            if (block.left > 0 && System.nanoTime() - block.validUntilNanos < 0) {
                block.left--;
                return;
            }
            long size = blockSize(rate);
            shared(bucket, rate).asBlocking().consume(size);
            block.left = size - 1;
            block.validUntilNanos = System.nanoTime() + Duration.ofMillis(rate.periodMillis()).toNanos();
        } finally {
            block.lock.unlock();
        }
    }

    /**
     * The bucket's row is named after its rate too (e.g. {@code bot-sends:10/200ms}): Bucket4j keeps the configuration
     * stored with a bucket, so a changed rate starts a bucket of its own instead of being ignored.
     */
    static String key(String bucket, Rate rate) {
        return bucket + ":" + rate.permits() + "/" + rate.periodMillis() + "ms";
    }

    private BucketProxy shared(String bucket, Rate rate) {
        return buckets.builder()
                .withImplicitConfigurationReplacement(BUCKET_SHAPE_VERSION, TokensInheritanceStrategy.RESET)
                .build(key(bucket, rate), () -> BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(blockSize(rate))
                        .refillGreedy(rate.permits(), Duration.ofMillis(rate.periodMillis())))
                .build());
    }

    /**
     * Puts the shared bucket {@code millis} worth of permits in debt (not more, however many instances met the same
     * 429), and drops this instance's unused permits.
     */
    @Override
    public void pause(String bucket, long millis) {
        Rate rate = rates.get(bucket);
        if (rate == null || millis <= 0) {
            return;
        }
        LocalBlock block = blocks.get(bucket);
        if (block != null) {
            block.left = 0;
        }
        try {
            BucketProxy shared = shared(bucket, rate);
            long debt = (long) Math.ceil(millis * (double) rate.permits() / rate.periodMillis());
            long available = shared.getAvailableTokens();
            if (available > -debt) {
                shared.consumeIgnoringRateLimits(available + debt);
                LOG.info("Pacing bucket {} paused for {} ms on every instance (Retry-After of a 429)", bucket, millis);
            }
        } catch (RuntimeException e) {
            LOG.warn("Pacing bucket {}: the pause could not be shared ({}); this call still waits its Retry-After",
                    bucket, e.toString());
        }
    }
}
