package dev.teamsproactive.sandbox.faults;

import java.util.Locale;

/**
 * {@code --faults 5xx=0.05,429=0.02,reset=0.01,slow=0.01}: the fraction of requests that meet each
 * fault, drawn independently per request before it is processed.
 */
public record FaultSpec(double serverError, double throttle, double reset, double slow) {
    public static final FaultSpec NONE = new FaultSpec(0, 0, 0, 0);

    public FaultSpec {
        if (serverError + throttle + reset + slow > 1) {
            throw new IllegalArgumentException("--faults fractions add up to more than 1");
        }
    }

    public boolean any() {
        return serverError + throttle + reset + slow > 0;
    }

    public static FaultSpec parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        double serverError = 0;
        double throttle = 0;
        double reset = 0;
        double slow = 0;
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("--faults: '" + part + "' is not NAME=FRACTION");
            }
            double fraction;
            try {
                fraction = Double.parseDouble(kv[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--faults: '" + kv[1] + "' is not a fraction");
            }
            if (fraction < 0 || fraction > 1) {
                throw new IllegalArgumentException("--faults: " + kv[0] + " must be between 0 and 1");
            }
            switch (kv[0].trim().toLowerCase(Locale.ROOT)) {
                case "5xx" -> serverError = fraction;
                case "429" -> throttle = fraction;
                case "reset" -> reset = fraction;
                case "slow" -> slow = fraction;
                default -> throw new IllegalArgumentException("--faults: unknown fault '" + kv[0]
                        + "'; known: 5xx, 429, reset, slow");
            }
        }
        return new FaultSpec(serverError, throttle, reset, slow);
    }
}
