package dev.teamsproactive.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** What one measured campaign gave: its summary (total, sent, durationMs), the sandbox's counts meanwhile, its heap. */
record Measured(JsonNode summary, SandboxProcess.Stats stats, ServiceProcess.Heap heap) {
    long total() {
        return summary.path("total").asLong();
    }

    long sent() {
        return summary.path("sent").asLong();
    }

    double seconds() {
        return summary.path("durationMs").asLong() / 1000.0;
    }

    String details() {
        double throttledShare = stats.requests() == 0 ? 0 : 100.0 * stats.throttled() / stats.requests();
        return String.format(Locale.ROOT, "%d recipients (%d sent, %d failed, %d skipped) in %.3f s = %.1f/s; "
                + "%d requests, %d answered 429 (%.2f%%); heap peak %.1f MB, live after a collection at most %.1f MB",
                total(), sent(),
                summary.path("failed").asLong(), summary.path("skipped").asLong(), seconds(), sent() / seconds(),
                stats.requests(), stats.throttled(), throttledShare, heap.peakMb(), heap.liveMb());
    }
}
