package io.inferbench.stats;

import io.inferbench.api.Interval;
import org.apache.commons.math3.stat.interval.ClopperPearsonInterval;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * Confidence intervals of a proportion ({@code k} successes in {@code n} trials), computed by
 * Commons Math. The edge cases it does not cover are handled here, each as the textbook interval:
 * no trials give the unbounded (0, 1); Wilson's bounds are clamped to [0, 1] (at 0 or n successes
 * Commons Math's floating point can land a hair outside); Clopper–Pearson at 0 or n successes,
 * where Commons Math's F distribution would need 0 degrees of freedom and throws, uses the closed
 * form of its beta quantile.
 */
public final class ProportionIntervals {
    private ProportionIntervals() {
    }

    /** Wilson score interval; good coverage even near 0 and 1. */
    public static Interval wilson(int k, int n, double confidence) {
        if (n <= 0) {
            return new Interval(0, 1, false);
        }
        ConfidenceInterval ci = new WilsonScoreInterval().createInterval(n, k, confidence);
        return new Interval(Math.max(0, ci.getLowerBound()), Math.min(1, ci.getUpperBound()), true);
    }

    /** Clopper–Pearson ("exact") interval: conservative, never below the nominal coverage. */
    public static Interval clopperPearson(int k, int n, double confidence) {
        if (n <= 0) {
            return new Interval(0, 1, false);
        }
        double tail = (1 - confidence) / 2;
        if (k == 0) {
            // The upper bound is Beta(1, n)'s (1 − tail) quantile: 1 − tail^(1/n).
            return new Interval(0, 1 - Math.pow(tail, 1.0 / n), true);
        }
        if (k == n) {
            // The lower bound is Beta(n, 1)'s tail quantile: tail^(1/n).
            return new Interval(Math.pow(tail, 1.0 / n), 1, true);
        }
        ConfidenceInterval ci = new ClopperPearsonInterval().createInterval(n, k, confidence);
        return new Interval(ci.getLowerBound(), ci.getUpperBound(), true);
    }
}
