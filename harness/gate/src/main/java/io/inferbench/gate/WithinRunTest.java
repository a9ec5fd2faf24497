package io.inferbench.gate;

import java.util.List;
import java.util.Optional;

/**
 * The fallback when a series has fewer earlier runs than the history test needs: tonight against
 * the latest earlier run, with the noise each run measured of itself. Fork medians (two or more
 * fresh JVMs per run) are preferred, since they carry JVM-to-JVM variation; else the within-run
 * 95% intervals. Neither sees how much a shared machine drifts from night to night, which is why
 * the method says so and the threshold still applies.
 */
final class WithinRunTest {
    /** The normal quantile of a two-sided 95% interval: half-widths are this many standard errors. */
    private static final double Z_975 = 1.959963984540054;

    private WithinRunTest() {
    }

    static Evidence of(ChangeScale scale, Observation current, Observation baseline, int historyRuns) {
        if (current.forkMedians().size() >= 2 && baseline.forkMedians().size() >= 2) {
            return welch(scale, current.forkMedians(), baseline.forkMedians(), historyRuns);
        }
        double delta = scale.transform(current.value()) - scale.transform(baseline.value());
        Optional<Double> seCurrent = standardError(scale, current);
        Optional<Double> seBaseline = standardError(scale, baseline);
        if (seCurrent.isEmpty() || seBaseline.isEmpty()) {
            return Evidence.untestable(delta, historyRuns);
        }
        double se = Math.hypot(seCurrent.get(), seBaseline.get());
        return new Evidence(delta, se, Double.POSITIVE_INFINITY, historyRuns, Method.WITHIN_RUN_INTERVALS);
    }

    /** A 95% interval's half-width on the statistics' scale, as a standard error. */
    private static Optional<Double> standardError(ChangeScale scale, Observation observation) {
        return observation.ci95().map(ci -> (scale.transform(ci.high()) - scale.transform(ci.low())) / (2 * Z_975));
    }

    /**
     * Welch's t on the forks' values (the two runs' fork spreads need not be equal): for ratio
     * metrics the change tested is that of the forks' geometric means.
     */
    private static Evidence welch(ChangeScale scale, List<Double> current, List<Double> baseline, int historyRuns) {
        double[] a = meanAndVarianceOfMean(scale, current);
        double[] b = meanAndVarianceOfMean(scale, baseline);
        double variance = a[1] + b[1];
        double delta = a[0] - b[0];
        // Welch–Satterthwaite degrees of freedom; identical forks on both sides leave no spread (se 0).
        double df = variance == 0 ? Double.POSITIVE_INFINITY
                : variance * variance / (a[1] * a[1] / (current.size() - 1) + b[1] * b[1] / (baseline.size() - 1));
        return new Evidence(delta, Math.sqrt(variance), df, historyRuns, Method.WITHIN_RUN_FORKS);
    }

    private static double[] meanAndVarianceOfMean(ChangeScale scale, List<Double> values) {
        double mean = 0;
        for (double v : values) {
            mean += scale.transform(v);
        }
        mean /= values.size();
        double squares = 0;
        for (double v : values) {
            double d = scale.transform(v) - mean;
            squares += d * d;
        }
        return new double[] {mean, squares / (values.size() - 1) / values.size()};
    }
}
