package dev.teamsproactive.sandbox.limits;

/** A token bucket: {@code capacity} tokens, refilled continuously at {@code perSecond}. Guarded by its owner. */
final class TokenBucket {
    private final double capacity;
    private final double perSecond;
    private double tokens;
    private long updatedNanos;

    TokenBucket(double capacity, double perSecond, long nowNanos) {
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.tokens = capacity;
        this.updatedNanos = nowNanos;
    }

    private void refill(long nowNanos) {
        double elapsed = (nowNanos - updatedNanos) / 1e9;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * perSecond);
            updatedNanos = nowNanos;
        }
    }

    /** Seconds until {@code cost} tokens are there; 0 when they are there now. */
    double waitFor(double cost, long nowNanos) {
        refill(nowNanos);
        return tokens >= cost ? 0 : (cost - tokens) / perSecond;
    }

    void take(double cost) {
        tokens -= cost;
    }

    boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }
}
