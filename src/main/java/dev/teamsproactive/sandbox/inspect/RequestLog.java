package dev.teamsproactive.sandbox.inspect;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts every answered request by "METHOD path-template" and status, and keeps the last few. */
public final class RequestLog {
    /** One answered request, as {@code GET /_sandbox/requests} lists it. */
    public record Entry(String method, String path, String query, int status, Instant at) {
    }

    public static final int KEEP_LAST = 2_000;
    private final Map<String, Map<Integer, LongAdder>> counts = new ConcurrentHashMap<>();
    private final ArrayDeque<Entry> last = new ArrayDeque<>();
    private final LongAdder throttled = new LongAdder();

    public void record(String template, String method, String path, String query, int status) {
        counts.computeIfAbsent(template, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, s -> new LongAdder()).increment();
        if (status == 429) {
            throttled.increment();
        }
        Entry entry = new Entry(method, path, query, status, Instant.now());
        synchronized (last) {
            if (last.size() == KEEP_LAST) {
                last.removeFirst();
            }
            last.addLast(entry);
        }
    }

    /** {"METHOD template": {"status": count}}, sorted for stable output. */
    public Map<String, Map<String, Long>> counts() {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        counts.forEach((template, byStatus) -> {
            Map<String, Long> row = new TreeMap<>();
            byStatus.forEach((status, n) -> row.put(Integer.toString(status), n.sum()));
            out.put(template, row);
        });
        return out;
    }

    public long throttled() {
        return throttled.sum();
    }

    public List<Entry> last() {
        synchronized (last) {
            return new ArrayList<>(last);
        }
    }

    public void clear() {
        counts.clear();
        throttled.reset();
        synchronized (last) {
            last.clear();
        }
    }
}
