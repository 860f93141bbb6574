package dev.teamsproactive.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Prints a scenario's {@code BENCH {json}} line (the documented fields) and its details on the log stream. */
final class BenchLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final PrintStream log;

    BenchLines(PrintStream out, PrintStream log) {
        this.out = out;
        this.log = log;
    }

    void report(Scenario scenario, Measured m) {
        log.printf("bench: %s: %s%n", scenario.label(), m.details());
        if (m.sent() != m.total()) {
            log.printf("bench: %s: WARNING: %d of %d recipients were not sent; the rate counts sent ones only%n",
                    scenario.label(), m.total() - m.sent(), m.total());
        }
        double rate = m.sent() / m.seconds();
        ObjectNode line = JSON.createObjectNode();
        line.put("scenario", scenario.label());
        line.put("recipients", m.total());
        line.put("seconds", round(m.seconds(), 3));
        line.put("rate", round(rate, 2));
        if (scenario.ceiling != null) {
            line.put("ceiling", scenario.ceiling);
            line.put("ratio", round(rate / scenario.ceiling, 3));
        } else {
            line.putNull("ceiling");
            line.putNull("ratio");
        }
        line.put("throttled", m.stats().throttled());
        putMegabytes(line, "heapPeakMb", m.heap().peakMb());
        // Beyond the documented BENCH fields: the most heap left in use after a collection, the data the run held.
        putMegabytes(line, "heapLiveMb", m.heap().liveMb());
        print(line);
    }

    /** cluster-takeover's line: the BENCH fields, {@code seconds} from the kill to the campaign's last row final. */
    void reportTakeover(ClusterBench.Takeover t) {
        log.printf(Locale.ROOT, "bench: %s: %d recipients; last row final %.3f s after the kill, sending resumed after"
                + " %.3f s; %d IN_DOUBT; %d requests, %d answered 429%n", Scenario.CLUSTER_TAKEOVER.label(),
                t.recipients(), t.seconds(), t.resumedAfterSeconds(), t.inDoubt(), t.stats().requests(),
                t.stats().throttled());
        ObjectNode line = JSON.createObjectNode();
        line.put("scenario", Scenario.CLUSTER_TAKEOVER.label());
        line.put("recipients", t.recipients());
        line.put("seconds", round(t.seconds(), 3));
        line.putNull("rate");
        line.putNull("ceiling");
        line.putNull("ratio");
        line.put("throttled", t.stats().throttled());
        line.putNull("heapPeakMb");
        line.putNull("heapLiveMb");
        // Beyond the documented fields: when the first row after the kill was sent, and the rows left IN_DOUBT.
        if (Double.isNaN(t.resumedAfterSeconds())) {
            line.putNull("resumedAfterSeconds");
        } else {
            line.put("resumedAfterSeconds", round(t.resumedAfterSeconds(), 3));
        }
        line.put("inDoubt", t.inDoubt());
        print(line);
    }

    /** The answers scenario's line: the BENCH fields, and each answer's latency as its sender saw it. */
    void reportAnswers(JsonNode measured, ServiceProcess.Heap heap, int answers, int senders) {
        ObjectNode line = JSON.createObjectNode();
        line.put("scenario", Scenario.ANSWERS.label());
        line.put("recipients", answers);
        line.put("seconds", round(measured.path("seconds").asDouble(), 3));
        line.put("rate", round(measured.path("rate").asDouble(), 2));
        line.putNull("ceiling");
        line.putNull("ratio");
        line.put("throttled", 0);
        putMegabytes(line, "heapPeakMb", heap.peakMb());
        putMegabytes(line, "heapLiveMb", heap.liveMb());
        // Beyond the suite's fields: each answer's latency as the sender saw it, and how many sent at once.
        line.put("p50Ms", round(measured.path("p50Ms").asDouble(), 2));
        line.put("p99Ms", round(measured.path("p99Ms").asDouble(), 2));
        line.put("senders", senders);
        print(line);
    }

    private void print(ObjectNode line) {
        out.println("BENCH " + line);
        out.flush();
    }

    private static void putMegabytes(ObjectNode line, String field, double megabytes) {
        if (Double.isNaN(megabytes)) {
            line.putNull(field);
        } else {
            line.put(field, round(megabytes, 1));
        }
    }

    private static BigDecimal round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP);
    }
}
