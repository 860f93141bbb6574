package dev.teamsproactive.app;

import dev.teamsproactive.config.Settings;
import java.util.List;
import java.util.Properties;

/**
 * Client-side pacing: each {@code teams.pacing.<bucket>-per-second} rate (Microsoft's documented limit) becomes
 * an even Camel throttle, {@code teams.pacing.<bucket>.permits} calls per {@code teams.pacing.<bucket>.period-ms}.
 * Camel's throttle lets its permits go per period as a burst; a fifth of a second's permits per fifth of a second
 * spreads the second evenly, so the service's bucket stays nearly full and a late or early answer never meets an empty one.
 */
final class Pacing {
    /** The buckets the routes throttle, by the name in their settings. */
    static final List<String> BUCKETS = List.of("install", "installed-apps", "teams-get", "bot-sends", "identity");

    /** The period a rate is spread over. */
    private static final long PERIOD_MILLIS = 200;
    private static final long MAX_PERMITS = 1000;

    /** Some permits per period: at most {@code permits} calls start in any {@code periodMillis} window. */
    record Step(long permits, long periodMillis) {
        double perSecond() {
            return permits * 1000.0 / periodMillis;
        }

        /**
         * About a fifth of a second's permits per fifth of a second: bursts small against the service's bucket (one
         * second's worth), periods long enough that a thread waking a few ms late costs little. Never above the rate;
         * at most 1,000 permits (a very high rate gets a shorter period); under 5 per second, one permit at a time.
         */
        static Step of(double perSecond) {
            if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
                throw new IllegalArgumentException("must be a positive number of calls per second");
            }
            long permits = Math.min(MAX_PERMITS, Math.max(1, Math.round(perSecond * PERIOD_MILLIS / 1000.0)));
            long period = Math.max(1, (long) Math.ceil(permits * 1000.0 / perSecond));
            return new Step(permits, period);
        }
    }

    private Pacing() {
    }

    /** The rate of every bucket as even permits per period, for the {@code pacing} bean the routes call. */
    static java.util.Map<String, dev.teamsproactive.cluster.PacingBuckets.Rate> rates(Settings settings) {
        Properties derived = new Properties();
        derive(settings, derived);
        java.util.Map<String, dev.teamsproactive.cluster.PacingBuckets.Rate> rates = new java.util.LinkedHashMap<>();
        for (String bucket : BUCKETS) {
            rates.put(bucket, new dev.teamsproactive.cluster.PacingBuckets.Rate(
                    Long.parseLong(derived.getProperty("teams.pacing." + bucket + ".permits")),
                    Long.parseLong(derived.getProperty("teams.pacing." + bucket + ".period-ms"))));
        }
        return rates;
    }

    /** Adds {@code teams.pacing.<bucket>.permits} and {@code .period-ms} for every bucket, from its rate. */
    static void derive(Settings settings, Properties into) {
        for (String bucket : BUCKETS) {
            String key = "teams.pacing." + bucket + "-per-second";
            String value = settings.require(key);
            Step step;
            try {
                step = Step.of(Double.parseDouble(value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The setting " + key + " must be a positive number of calls per second, not '"
                        + value + "'");
            }
            into.setProperty("teams.pacing." + bucket + ".permits", Long.toString(step.permits()));
            into.setProperty("teams.pacing." + bucket + ".period-ms", Long.toString(step.periodMillis()));
        }
    }
}
