package io.inferbench.stats;

import io.inferbench.api.Interval;
import io.inferbench.result.LatencySummary;
import io.inferbench.result.PercentileEstimate;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Latency summaries from an HdrHistogram of nanoseconds, each figure with a 95% confidence interval.
 *
 * <p>Percentile intervals are distribution-free, from order statistics: the number of samples
 * below the true p-quantile is Binomial(n, p), so a pair of ranks bounds it with a known
 * probability; {@link OrderStatisticRanks} picks the narrowest pair reaching 95%. The mean's
 * interval is Student t. Both assume independent samples; run-to-run variance is a separate
 * matter (forks). Values are HdrHistogram's (3 significant digits), so bounds carry its 0.1%
 * resolution on top.
 */
public final class LatencyStatistics {
    /** The percentiles every summary reports. */
    public static final double[] PERCENTILES = {50, 90, 95, 99, 99.9};
    private static final double LEVEL = 0.95;

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
        double value = h.getValueAtPercentile(p);
        OrderStatisticRanks ranks = OrderStatisticRanks.of(n, p / 100.0, LEVEL);
        double low = valueAtRank(h, ranks.low());
        double high = valueAtRank(h, ranks.high());
        return new PercentileEstimate(p, ms(value), new Interval(ms(Math.min(low, value)), ms(Math.max(high, value)),
                ranks.bounded()));
    }

    /**
     * The rank-th smallest sample (1-based, at most the count), reported like HdrHistogram's
     * percentiles (the highest value equivalent to it).
     */
    static long valueAtRank(Histogram h, long rank) {
        // HdrHistogram takes the ceil(percentile·n/100)-th value; aiming half a rank low lands on
        // exactly this rank whatever the floating-point rounding, where 100·rank/n could overshoot.
        return h.getValueAtPercentile(100.0 * (rank - 0.5) / h.getTotalCount());
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
