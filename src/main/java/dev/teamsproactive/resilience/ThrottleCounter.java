package dev.teamsproactive.resilience;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The 429 answers each campaign met, for its summary's {@code throttled}. */
public final class ThrottleCounter {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    public void count(String campaignId) {
        if (campaignId != null) {
            counts.computeIfAbsent(campaignId, id -> new LongAdder()).increment();
        }
    }

    /** The count so far, and forgets it (it is added to the ledger when the report is written). */
    public long drain(String campaignId) {
        LongAdder n = counts.remove(campaignId);
        return n == null ? 0 : n.sum();
    }
}
