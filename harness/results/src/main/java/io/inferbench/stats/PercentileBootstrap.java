package io.inferbench.stats;

import io.inferbench.api.Interval;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The percentile bootstrap: a statistic computed on each of many resamples, and the interval read
 * off the sorted values. The caller says how to draw one resample's statistic (items with
 * replacement, a quantile drawn exactly from a histogram, …); the random numbers come from a
 * seeded {@link SplittableRandom}, so the same inputs and seed give the same interval.
 *
 * <p>Percentile intervals are transformation-respecting: the interval of A/B is the reciprocal of
 * the interval of B/A, and the interval of a difference in points is the interval of the
 * difference times 100.
 */
public final class PercentileBootstrap {
    /** The statistic of one bootstrap resample, drawn with {@code random}. */
    @FunctionalInterface
    public interface Statistic {
        double ofResample(SplittableRandom random);
    }

    private final double[] sorted;

    private PercentileBootstrap(double[] sorted) {
        this.sorted = sorted;
    }

    /** {@code resamples} draws of the statistic, seeded. */
    public static PercentileBootstrap of(Statistic statistic, int resamples, long seed) {
        return of(statistic, resamples, new SplittableRandom(seed));
    }

    /** {@code resamples} draws of the statistic from a random stream that callers may share between bootstraps. */
    public static PercentileBootstrap of(Statistic statistic, int resamples, SplittableRandom random) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1: " + resamples);
        }
        double[] values = new double[resamples];
        for (int i = 0; i < resamples; i++) {
            values[i] = statistic.ofResample(random);
        }
        Arrays.sort(values);
        return new PercentileBootstrap(values);
    }

    /** {@code n} indices into {@code n} items, drawn with replacement: one resample of the items. */
    public static int[] resampleIndices(int n, SplittableRandom random) {
        int[] drawn = new int[n];
        for (int i = 0; i < n; i++) {
            drawn[i] = random.nextInt(n);
        }
        return drawn;
    }

    /**
     * The central interval holding {@code level} of the resampled values, e.g. 0.95: the lowest and
     * highest {@code floor((1 − level) / 2 · resamples)} values are left out on either side.
     */
    public Interval interval(double level) {
        int r = sorted.length;
        // The nudge keeps 0.05 · 2000 at 100 where floating point makes it 99.999…
        int out = (int) Math.floor((1 - level) / 2 * r + 1e-9);
        int low = Math.min(out, (r - 1) / 2);
        return new Interval(sorted[low], sorted[r - 1 - low], true);
    }
}
