package io.inferbench.compare;

import io.inferbench.api.Interval;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The percentile bootstrap of a ratio of statistics of two independent samples: resample each
 * sample, take the ratio, and read the interval off the sorted ratios. Resampling is exact and
 * cheap for quantiles ({@link EmpiricalDistribution#bootstrapQuantile}).
 *
 * <p>Percentile intervals are transformation-respecting, so the interval of A/B is the reciprocal
 * of the interval of B/A, and log-symmetric sampling noise needs no correction.
 */
final class RatioBootstrap {
    /** One statistic of one bootstrap resample. */
    interface Resampler {
        double draw(EmpiricalDistribution d, SplittableRandom random);
    }

    private final double[] sorted;

    private RatioBootstrap(double[] sorted) {
        this.sorted = sorted;
    }

    /** The ratio statistic(A*) / statistic(B*) over {@code resamples} independent resamples. */
    static RatioBootstrap of(EmpiricalDistribution a, EmpiricalDistribution b, Resampler statistic, int resamples,
                             SplittableRandom random) {
        double[] ratios = new double[resamples];
        for (int i = 0; i < resamples; i++) {
            ratios[i] = statistic.draw(a, random) / statistic.draw(b, random);
        }
        Arrays.sort(ratios);
        return new RatioBootstrap(ratios);
    }

    /** Resampling of a quantile, e.g. 0.5 or 0.99. */
    static Resampler quantile(double p) {
        return (d, random) -> d.bootstrapQuantile(p, random);
    }

    /** Resampling of the metric. */
    static Resampler of(LocationMetric metric) {
        return metric == LocationMetric.MEDIAN ? quantile(0.5) : (d, random) -> d.bootstrapMean(random);
    }

    /** The central interval holding {@code level} of the resampled ratios, e.g. 0.95. */
    Interval interval(double level) {
        int r = sorted.length;
        double tail = (1 - level) / 2;
        int low = (int) Math.floor(tail * r);
        int high = (int) Math.ceil((1 - tail) * r) - 1;
        return new Interval(sorted[Math.max(0, low)], sorted[Math.min(r - 1, high)], true);
    }
}
