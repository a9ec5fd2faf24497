package io.inferbench.result;

import io.inferbench.api.Interval;

/**
 * A figure with its uncertainty: the value, its 95% interval, how many observations it rests on
 * and what they are, or — when there is no interval — why not.
 *
 * @param value      the point value, in the unit of the field that holds this estimate
 * @param ci95       the 95% interval; null exactly when {@code noInterval} says why there is none
 * @param n          how many observations the figure rests on (sampler intervals, forks, …)
 * @param over       what those observations are, e.g. {@code utilization intervals} or {@code forks}
 * @param noInterval why there is no interval, e.g. {@code n = 1, no interval}; null when there is one
 */
public record Estimate(double value, Interval ci95, long n, String over, String noInterval) {
    /** The reason given for a figure measured once. */
    public static final String SINGLE = "n = 1, no interval";

    public Estimate {
        if (ci95 == null && (noInterval == null || noInterval.isBlank())) {
            throw new IllegalArgumentException("noInterval: a figure without an interval must say why not");
        }
    }

    /** A figure with its interval. */
    public static Estimate of(double value, Interval ci95, long n, String over) {
        return new Estimate(value, ci95, n, over, null);
    }

    /** A figure without an interval, and why not. */
    public static Estimate without(double value, long n, String over, String why) {
        return new Estimate(value, null, n, over, why);
    }

    /** Whether a 95% interval exists and bounds the figure on both sides. */
    public boolean bounded() {
        return ci95 != null && ci95.bounded();
    }
}
