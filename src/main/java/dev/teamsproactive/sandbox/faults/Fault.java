package dev.teamsproactive.sandbox.faults;

import java.util.concurrent.ThreadLocalRandom;

/** What an injected fault does to one request. */
public enum Fault {
    NONE,
    /** 502, 503 or 504 with the service's error body. */
    SERVER_ERROR,
    /** 429 with a short, honest Retry-After (the request is simply not processed). */
    THROTTLE,
    /** The connection is closed without an answer. */
    RESET,
    /** The answer comes {@link #SLOW_MILLIS} late, then the request is processed as usual. */
    SLOW;

    public static final long SLOW_MILLIS = 3_000;

    public static Fault draw(FaultSpec spec) {
        if (!spec.any()) {
            return NONE;
        }
        double r = ThreadLocalRandom.current().nextDouble();
        if ((r -= spec.serverError()) < 0) {
            return SERVER_ERROR;
        }
        if ((r -= spec.throttle()) < 0) {
            return THROTTLE;
        }
        if ((r -= spec.reset()) < 0) {
            return RESET;
        }
        return r - spec.slow() < 0 ? SLOW : NONE;
    }
}
