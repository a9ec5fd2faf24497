package io.inferbench.compare;

import io.inferbench.stats.PercentileBootstrap;
import java.util.SplittableRandom;

/**
 * The percentile bootstrap ({@link PercentileBootstrap}) of a ratio of statistics of two
 * independent samples: resample each sample, take the ratio. Resampling is exact and cheap for
 * quantiles ({@link EmpiricalDistribution#bootstrapQuantile}).
 */
final class RatioBootstrap {
    /** One statistic of one bootstrap resample. */
    interface Resampler {
        double draw(EmpiricalDistribution d, SplittableRandom random);
    }

    private RatioBootstrap() {
    }

    /** The ratio statistic(A*) / statistic(B*) over {@code resamples} independent resamples. */
    static PercentileBootstrap of(EmpiricalDistribution a, EmpiricalDistribution b, Resampler statistic,
                                  int resamples, SplittableRandom random) {
        return PercentileBootstrap.of(r -> statistic.draw(a, r) / statistic.draw(b, r), resamples, random);
    }

    /** Resampling of a quantile, e.g. 0.5 or 0.99. */
    static Resampler quantile(double p) {
        return (d, random) -> d.bootstrapQuantile(p, random);
    }

    /** Resampling of the metric. */
    static Resampler of(LocationMetric metric) {
        return metric == LocationMetric.MEAN ? (d, random) -> d.bootstrapMean(random) : quantile(metric.quantile());
    }
}
