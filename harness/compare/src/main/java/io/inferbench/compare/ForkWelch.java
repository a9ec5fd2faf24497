package io.inferbench.compare;

import io.inferbench.api.Interval;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * The ratio of two configurations' typical fork values, with Welch t intervals on logarithms:
 * each fork (a fresh JVM) is one observation, so the intervals carry run-to-run variance: JIT
 * decisions, memory layout, the machine's state. Logarithms make a ratio a difference and latency's
 * multiplicative noise additive; the ratio is that of the forks' geometric means.
 *
 * @param ratio   exp(mean log A − mean log B)
 * @param ci90    90% interval of the ratio: the two one-sided tests at 5% each
 * @param ci95    95% interval of the ratio
 * @param forksA  forks of A
 * @param forksB  forks of B
 */
record ForkWelch(double ratio, Interval ci90, Interval ci95, int forksA, int forksB) {
    /** From each fork's value of the metric (positive), at least two forks per side. */
    static ForkWelch of(List<Double> a, List<Double> b) {
        SummaryStatistics logA = logs(a);
        SummaryStatistics logB = logs(b);
        double diff = logA.getMean() - logB.getMean();
        double varA = logA.getVariance() / logA.getN();
        double varB = logB.getVariance() / logB.getN();
        double se = Math.sqrt(varA + varB);
        if (se == 0) {
            // Identical fork values on each side: no spread to build an interval from.
            Interval point = new Interval(Math.exp(diff), Math.exp(diff), false);
            return new ForkWelch(Math.exp(diff), point, point, a.size(), b.size());
        }
        // Welch–Satterthwaite degrees of freedom: the forks' variances need not be equal.
        double df = (varA + varB) * (varA + varB)
                / (varA * varA / (logA.getN() - 1) + varB * varB / (logB.getN() - 1));
        TDistribution t = new TDistribution(null, df);
        return new ForkWelch(Math.exp(diff), interval(diff, se, t, 0.90), interval(diff, se, t, 0.95),
                a.size(), b.size());
    }

    private static Interval interval(double diff, double se, TDistribution t, double level) {
        double half = t.inverseCumulativeProbability(1 - (1 - level) / 2) * se;
        return new Interval(Math.exp(diff - half), Math.exp(diff + half), true);
    }

    private static SummaryStatistics logs(List<Double> values) {
        if (values.size() < 2) {
            throw new IllegalArgumentException("at least two forks are needed, got " + values.size());
        }
        SummaryStatistics s = new SummaryStatistics();
        for (double v : values) {
            if (!(v > 0)) {
                throw new IllegalArgumentException("fork values must be positive, got " + v);
            }
            s.addValue(Math.log(v));
        }
        return s;
    }
}
