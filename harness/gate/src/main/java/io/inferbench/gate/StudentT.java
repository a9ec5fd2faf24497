package io.inferbench.gate;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Student-t tails and quantiles by degrees of freedom (infinite: the normal), with the
 * distributions kept: one night's tests share a few degrees of freedom, and Commons Math's
 * quantiles are iterative. One instance per decision; not thread-safe.
 */
final class StudentT {
    private final Map<Double, RealDistribution> byDegrees = new HashMap<>();
    private final Map<Double, Map<Double, Double>> quantiles = new HashMap<>();

    /** P(T ≥ t) for {@code t ≥ 0}. */
    double upperTail(double t, double degreesOfFreedom) {
        return 1 - distribution(degreesOfFreedom).cumulativeProbability(t);
    }

    /** The {@code p} quantile, e.g. 0.975 for a 95% interval's half-width in standard errors. */
    double quantile(double p, double degreesOfFreedom) {
        return quantiles.computeIfAbsent(degreesOfFreedom, df -> new HashMap<>())
                .computeIfAbsent(p, q -> distribution(degreesOfFreedom).inverseCumulativeProbability(q));
    }

    private RealDistribution distribution(double degreesOfFreedom) {
        if (!(degreesOfFreedom > 0)) {
            throw new IllegalArgumentException("degrees of freedom must be positive, got " + degreesOfFreedom);
        }
        // A null random generator: these are only evaluated, never sampled (and a generator is costly to seed).
        return byDegrees.computeIfAbsent(degreesOfFreedom, df -> Double.isInfinite(df)
                ? new NormalDistribution(null, 0, 1) : new TDistribution(null, df));
    }
}
