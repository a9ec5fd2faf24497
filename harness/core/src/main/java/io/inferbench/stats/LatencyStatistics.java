package io.inferbench.stats;

import io.inferbench.result.Interval;
import io.inferbench.result.LatencySummary;
import io.inferbench.result.PercentileEstimate;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Latency summaries from an HdrHistogram of nanoseconds, each figure with a 95% confidence interval.
 *
 * <p>Percentile intervals are distribution-free, from order statistics: the number of samples
 * below the true p-quantile is Binomial(n, p), so ranks {@code np ± z·sqrt(np(1-p))} bound it.
 * The mean's interval is Student t. Both assume independent samples; run-to-run variance is a
 * separate matter (forks).
 */
public final class LatencyStatistics {
    /** The percentiles every summary reports. */
    public static final double[] PERCENTILES = {50, 90, 95, 99, 99.9};
    private static final double Z95 = new NormalDistribution().inverseCumulativeProbability(0.975);

    private LatencyStatistics() {
    }

    public static LatencySummary summarize(Histogram h) {
        long n = h.getTotalCount();
        if (n == 0) {
            return new LatencySummary(0, Double.NaN, new Interval(Double.NaN, Double.NaN, false), Double.NaN,
                    Double.NaN, Double.NaN, List.of());
        }
        double mean = h.getMean();
        double sd = h.getStdDeviation();
        List<PercentileEstimate> ps = new ArrayList<>();
        for (double p : PERCENTILES) {
            ps.add(percentile(h, p));
        }
        return new LatencySummary(n, ms(mean), meanInterval(mean, sd, n), ms(sd), ms(h.getMinValue()),
                ms(h.getMaxValue()), ps);
    }

    /** The p-th percentile with its order-statistic 95% interval. */
    public static PercentileEstimate percentile(Histogram h, double p) {
        long n = h.getTotalCount();
        double q = p / 100.0;
        double value = h.getValueAtPercentile(p);
        double se = Math.sqrt(n * q * (1 - q));
        long lowRank = (long) Math.floor(n * q - Z95 * se);
        long highRank = (long) Math.ceil(n * q + Z95 * se) + 1;
        boolean bounded = lowRank >= 1 && highRank <= n;
        double low = atRank(h, Math.max(1, lowRank));
        double high = atRank(h, Math.min(n, highRank));
        return new PercentileEstimate(p, ms(value), new Interval(ms(Math.min(low, value)), ms(Math.max(high, value)),
                bounded));
    }

    /** The value of the rank-th smallest sample (1-based). */
    private static double atRank(Histogram h, long rank) {
        return h.getValueAtPercentile(100.0 * rank / h.getTotalCount());
    }

    private static Interval meanInterval(double meanNanos, double sdNanos, long n) {
        if (n < 2) {
            return new Interval(ms(meanNanos), ms(meanNanos), false);
        }
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
        double half = t * sdNanos / Math.sqrt(n);
        return new Interval(ms(meanNanos - half), ms(meanNanos + half), true);
    }

    static double ms(double nanos) {
        return nanos / 1e6;
    }
}
