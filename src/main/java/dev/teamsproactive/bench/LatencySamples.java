package dev.teamsproactive.bench;

import java.util.Arrays;

/** Every measured request's latency in microseconds, kept whole so percentiles are exact. */
final class LatencySamples {
    private long[] micros = new long[1 << 16];
    private int size;

    synchronized void add(long latencyMicros) {
        if (size == micros.length) {
            micros = Arrays.copyOf(micros, size * 2);
        }
        micros[size++] = latencyMicros;
    }

    synchronized int size() {
        return size;
    }

    /** The latency at percentile {@code p} (0 to 100) by the nearest-rank method; 0 with no samples. */
    synchronized long percentileMicros(double p) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(micros, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
    }
}
