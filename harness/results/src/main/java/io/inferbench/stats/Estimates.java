package io.inferbench.stats;

import io.inferbench.api.Interval;
import io.inferbench.result.Estimate;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * The Student-t 95% interval of a mean over a few observations (sampler intervals, forks), as an
 * {@link Estimate} that says how many observations it rests on, or why it has no interval. The
 * t distribution and the summary come from Commons Math; this only decides what too few values mean.
 */
public final class Estimates {
    private static final double LEVEL = 0.95;

    private Estimates() {
    }

    /**
     * The mean of the finite {@code values} with its Student-t 95% interval.
     *
     * @param values observations; NaN and infinite ones (unreadable) are left out
     * @param over   what the observations are, e.g. {@code forks}
     * @return with two or more values an interval; with one, {@link Estimate#SINGLE}; with none, NaN
     *         and "no value"
     */
    public static Estimate mean(double[] values, String over) {
        SummaryStatistics s = new SummaryStatistics();
        for (double v : values) {
            if (Double.isFinite(v)) {
                s.addValue(v);
            }
        }
        long n = s.getN();
        if (n == 0) {
            return Estimate.without(Double.NaN, 0, over, "no value");
        }
        if (n == 1) {
            return Estimate.without(s.getMean(), 1, over, Estimate.SINGLE);
        }
        double t = new TDistribution(n - 1).inverseCumulativeProbability((1 + LEVEL) / 2);
        double half = t * s.getStandardDeviation() / Math.sqrt(n);
        return Estimate.of(s.getMean(), new Interval(s.getMean() - half, s.getMean() + half, true), n, over);
    }

    /**
     * {@code e} scaled to another unit or a point value of its own (e.g. mean watts to joules per
     * inference): the interval keeps its width relative to the value.
     */
    public static Estimate rescaled(Estimate e, double value) {
        if (e.ci95() == null || !(e.value() != 0) || !Double.isFinite(value)) {
            return Estimate.without(value, e.n(), e.over(), e.noInterval() != null ? e.noInterval() : "no value");
        }
        double f = value / e.value();
        double low = e.ci95().low() * f;
        double high = e.ci95().high() * f;
        return Estimate.of(value, new Interval(Math.min(low, high), Math.max(low, high), e.ci95().bounded()), e.n(),
                e.over());
    }
}
