package dev.teamsproactive.sandbox.limits;

/** {@code --limits real|off|xK}: the documented limits, none, or the documented limits times K. */
public record LimitsMode(boolean enforced, double factor) {
    public static final LimitsMode REAL = new LimitsMode(true, 1);
    public static final LimitsMode OFF = new LimitsMode(false, 1);

    public static LimitsMode parse(String text) {
        if (text == null || text.equals("real")) {
            return REAL;
        }
        if (text.equals("off")) {
            return OFF;
        }
        if (text.matches("x\\d+(\\.\\d+)?")) {
            double factor = Double.parseDouble(text.substring(1));
            if (factor > 0) {
                return new LimitsMode(true, factor);
            }
        }
        throw new IllegalArgumentException("--limits takes real, off or xK (the documented limits times K, e.g. x10), not '"
                + text + "'");
    }

    @Override
    public String toString() {
        return !enforced ? "off" : factor == 1 ? "real" : "x" + (factor == Math.rint(factor) ? Long.toString((long) factor) : Double.toString(factor));
    }
}
