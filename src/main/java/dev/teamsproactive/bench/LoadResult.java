package dev.teamsproactive.bench;

import java.util.Locale;

/** What one load run measured: answered requests, failures and latency over the measured window. */
public record LoadResult(String target, int connections, double seconds, long requests, long errors,
        long p50Micros, long p99Micros) {

    public double requestsPerSecond() {
        return seconds <= 0 ? 0 : requests / seconds;
    }

    /** One line: the figures for people, then the same as a JSON object (as the BENCH lines). */
    public String line(String limits) {
        return String.format(Locale.ROOT,
                "SANDBOX-BENCH %.0f requests/s, p50 %.2f ms, p99 %.2f ms, %d errors "
                        + "{\"target\":\"%s\",\"limits\":\"%s\",\"connections\":%d,\"seconds\":%.1f,\"requests\":%d,"
                        + "\"rps\":%.1f,\"p50Ms\":%.3f,\"p99Ms\":%.3f,\"errors\":%d,\"cores\":%d}",
                requestsPerSecond(), p50Micros / 1000.0, p99Micros / 1000.0, errors,
                target, limits, connections, seconds, requests, requestsPerSecond(), p50Micros / 1000.0,
                p99Micros / 1000.0, errors, Runtime.getRuntime().availableProcessors());
    }
}
