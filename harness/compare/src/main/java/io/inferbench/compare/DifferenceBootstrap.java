package io.inferbench.compare;

import io.inferbench.stats.PercentileBootstrap;
import java.util.SplittableRandom;

/**
 * The percentile bootstrap ({@link PercentileBootstrap}) of a difference of statistics of two
 * independent samples: resample each, subtract. In the samples' unit (nanoseconds). A served
 * configuration's overhead is this difference against its in-process twin: a ratio says "3×", the
 * difference says what a request pays, which is what stays constant as the model grows.
 */
final class DifferenceBootstrap {
    private DifferenceBootstrap() {
    }

    /** statistic(A*) − statistic(B*) over {@code resamples} independent resamples. */
    static PercentileBootstrap of(EmpiricalDistribution a, EmpiricalDistribution b, RatioBootstrap.Resampler statistic,
                                  int resamples, SplittableRandom random) {
        return PercentileBootstrap.of(r -> statistic.draw(a, r) - statistic.draw(b, r), resamples, random);
    }
}
