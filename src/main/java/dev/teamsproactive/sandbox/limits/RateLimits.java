package dev.teamsproactive.sandbox.limits;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * All the sandbox's buckets. A request is charged to several at once (say, POST installedApps to the
 * tenant's install bucket and Graph's global one): it passes only when every bucket has room, and is
 * charged to all of them then. Otherwise nothing is charged and the answer is the honest wait, in
 * seconds, until every bucket has room again: a retry after that long passes unless others took the room first.
 */
public final class RateLimits {
    /** One charge: {@code cost} units from the bucket {@code limit} counted per {@code key}. */
    public record Charge(Limit limit, String key, double cost) {
        public static Charge of(Limit limit, String key) {
            return new Charge(limit, key, 1);
        }
    }

    private static final int SWEEP_ABOVE = 100_000;
    private final LimitsMode mode;
    private final Map<String, TokenBucket> buckets = new HashMap<>();

    public RateLimits(LimitsMode mode) {
        this.mode = mode;
    }

    public LimitsMode mode() {
        return mode;
    }

    /** 0 when the request may go on (and is charged); otherwise the seconds to wait before retrying. */
    public synchronized double tryAcquire(List<Charge> charges) {
        if (!mode.enforced()) {
            return 0;
        }
        long now = System.nanoTime();
        double wait = 0;
        TokenBucket[] picked = new TokenBucket[charges.size()];
        for (int i = 0; i < charges.size(); i++) {
            Charge c = charges.get(i);
            picked[i] = bucket(c.limit(), c.key(), now);
            wait = Math.max(wait, picked[i].waitFor(c.cost(), now));
        }
        if (wait > 0) {
            return wait;
        }
        for (int i = 0; i < picked.length; i++) {
            picked[i].take(charges.get(i).cost());
        }
        return 0;
    }

    public synchronized void clear() {
        buckets.clear();
    }

    private TokenBucket bucket(Limit limit, String key, long now) {
        if (buckets.size() > SWEEP_ABOVE) {
            sweep(now);
        }
        return buckets.computeIfAbsent(limit.name() + "|" + key, k -> {
            double capacity = limit.count() * mode.factor();
            return new TokenBucket(capacity, capacity / limit.windowSeconds(), now);
        });
    }

    /** A full bucket is the same as a new one: forget those, so per-conversation buckets do not pile up. */
    private void sweep(long now) {
        for (Iterator<TokenBucket> it = buckets.values().iterator(); it.hasNext();) {
            if (it.next().isFull(now)) {
                it.remove();
            }
        }
    }
}
