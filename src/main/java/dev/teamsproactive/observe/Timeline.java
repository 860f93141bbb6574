package dev.teamsproactive.observe;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How a campaign's outcomes grew over time: cumulative counts at evenly spaced points from its start.
 *
 * @param points oldest first; each holds the counts of rows that had reached their status by {@code at}
 */
public record Timeline(Instant from, Instant to, List<Point> points) {

    public record Point(Instant at, long sent, long inDoubt, long skipped, Map<String, Long> failedByCode) {
    }
}
