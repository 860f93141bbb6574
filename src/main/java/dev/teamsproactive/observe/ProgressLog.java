package dev.teamsproactive.observe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The progress lines of running campaigns, called every second by the {@code progress} timer route
 * (routes/progress.camel.yaml):
 * <pre>Progress campaign=recipients-1a2b done=1200/5000 (24%) sent=1150 failed=40 inDoubt=0 skipped=10 rate=31.5/s eta=2m01s</pre>
 * A campaign gets a line as it starts ({@link #started}, called by routes/2-campaign) or as soon as a tick sees
 * it, then one per interval while it moves, and one a minute while it
 * does not (waiting out a 429, or left RUNNING by a process that stopped). The rate is measured since this
 * process first saw it.
 */
public final class ProgressLog {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressLog.class);
    private static final Duration QUIET_REMINDER = Duration.ofMinutes(1);
    private final CampaignBoard board;
    private final Clock clock;
    private final Consumer<String> out;
    private final Duration interval;
    private final Map<String, Seen> seen = new HashMap<>();

    private record Seen(Instant firstAt, long firstDone, long lastDone, Instant lastLine) {
    }

    public ProgressLog(CampaignBoard board, Duration interval) {
        this(board, interval, Clock.systemUTC(), LOG::info);
    }

    ProgressLog(CampaignBoard board, Duration interval, Clock clock, Consumer<String> out) {
        this.board = board;
        this.interval = interval;
        this.clock = clock;
        this.out = out;
    }

    /**
     * The line at a campaign's start, from the campaign route itself: a campaign that starts and ends between two
     * ticks of the timer would otherwise get none.
     */
    public synchronized void started(String campaignId) {
        if (seen.containsKey(campaignId)) {
            return;
        }
        board.find(campaignId).ifPresent(c -> {
            seen.put(c.id(), new Seen(clock.instant(), c.done(), c.done(), clock.instant()));
            out.accept(line(c, null));
        });
    }

    /** One tick: a line for each running campaign first seen, or due (moved within the interval, or quiet a minute). */
    public synchronized void logRunning() {
        Instant now = clock.instant();
        List<CampaignView> running = board.running();
        Set<String> ids = new HashSet<>();
        for (CampaignView c : running) {
            ids.add(c.id());
            Seen before = seen.get(c.id());
            if (before == null) {
                seen.put(c.id(), new Seen(now, c.done(), c.done(), now));
                out.accept(line(c, null));
            } else if (c.done() != before.lastDone() && !now.isBefore(before.lastLine().plus(interval))
                    || !now.isBefore(before.lastLine().plus(QUIET_REMINDER))) {
                seen.put(c.id(), new Seen(before.firstAt(), before.firstDone(), c.done(), now));
                out.accept(line(c, rate(before, c.done(), now)));
            }
        }
        seen.keySet().retainAll(ids);
    }

    private static Double rate(Seen first, long done, Instant now) {
        long millis = Duration.between(first.firstAt(), now).toMillis();
        return millis <= 0 ? null : (done - first.firstDone()) * 1000.0 / millis;
    }

    static String line(CampaignView c, Double perSecond) {
        long percent = c.total() == 0 ? 100 : c.done() * 100 / c.total();
        String rate = perSecond == null ? "-" : String.format(Locale.ROOT, "%.1f/s", perSecond);
        String eta = perSecond == null || perSecond <= 0 ? "-"
                : duration(Math.round(Math.max(0, c.total() - c.done()) / perSecond));
        return "Progress campaign=" + c.id() + " done=" + c.done() + "/" + c.total() + " (" + percent + "%) sent="
                + c.sent() + " failed=" + c.failed() + " inDoubt=" + c.inDoubt() + " skipped=" + c.skipped() + " rate="
                + rate + " eta=" + eta;
    }

    static String duration(long seconds) {
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return seconds >= 60 ? String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60) : seconds + "s";
    }
}
