package io.inferbench.gate;

/**
 * A 95% interval, in the units of what it bounds (a value, a ratio, or points). Either end may
 * be infinite when nothing bounds it.
 *
 * @param low  lower end
 * @param high upper end, at least {@code low}
 */
public record ConfidenceInterval(double low, double high) {
    public ConfidenceInterval {
        if (Double.isNaN(low) || Double.isNaN(high) || low > high) {
            throw new IllegalArgumentException("interval needs low <= high, got [" + low + ", " + high + "]");
        }
    }

    public boolean contains(double value) {
        return value >= low && value <= high;
    }
}
