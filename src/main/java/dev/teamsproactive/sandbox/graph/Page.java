package dev.teamsproactive.sandbox.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * One page of a collection and where the next one starts ({@code -1}: this is the last). The position
 * goes into the {@code $skiptoken} of {@code @odata.nextLink}.
 */
record Page<T>(List<T> items, int next) {
    /**
     * Most items one request looks at when it has to scan for a filter with no index. Like the directory,
     * a page may then hold fewer items than {@code $top}, even none, and still have a next link: clients
     * follow {@code @odata.nextLink} until it is absent, never stop at a short page.
     */
    static final int SCAN_BUDGET = 5_000;

    static <T> Page<T> of(List<T> all, int from, int size) {
        int start = Math.min(from, all.size());
        int end = Math.min(all.size(), start + size);
        return new Page<>(List.copyOf(all.subList(start, end)), end < all.size() ? end : -1);
    }

    /** Up to {@code size} items among positions {@code from..count-1} that pass {@code keep}. */
    static <T> Page<T> scan(int from, int count, IntFunction<T> at, Predicate<T> keep, int size) {
        List<T> out = new ArrayList<>();
        int i = from;
        int budget = SCAN_BUDGET;
        while (i < count && out.size() < size && budget-- > 0) {
            T item = at.apply(i++);
            if (keep.test(item)) {
                out.add(item);
            }
        }
        return new Page<>(out, i < count ? i : -1);
    }
}
