package io.inferbench.accuracy;

import io.inferbench.api.accuracy.AccuracyMetric.ItemScores;
import io.inferbench.api.Interval;
import java.util.SplittableRandom;

/**
 * Intervals for accuracy figures: a seeded percentile bootstrap over items for ratios (character
 * accuracy) and for paired differences (the drop of one configuration against another on the same
 * items). Proportions get Wilson intervals from {@link io.inferbench.stats.ProportionIntervals}.
 */
public final class ConfidenceIntervals {
    /** Bootstrap resamples: percentile bounds at 95% are stable to about ±0.2 points with 2,000. */
    public static final int RESAMPLES = 2000;

    private ConfidenceIntervals() {
    }

    /** Percentile bootstrap of sum(scores) / sum(weights), resampling items. */
    public static Interval ratio(ItemScores items, double confidence, long seed) {
        int n = items.size();
        if (n == 0) {
            return new Interval(Double.NaN, Double.NaN, false);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] stats = new double[RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            double s = 0;
            double w = 0;
            for (int i = 0; i < n; i++) {
                int j = random.nextInt(n);
                s += items.scores()[j];
                w += items.weight(j);
            }
            stats[b] = w == 0 ? 0 : s / w;
        }
        return percentiles(stats, confidence, n >= 2);
    }

    /**
     * Percentile bootstrap of ratio(reference) − ratio(candidate), resampling item indices jointly so
     * the pairing (same item, both configurations) is kept: the correlation between the two makes
     * this much tighter than two independent intervals would.
     */
    public static Interval pairedDifference(ItemScores reference, ItemScores candidate, double confidence,
                                            long seed) {
        int n = reference.size();
        if (n != candidate.size()) {
            throw new IllegalArgumentException("not the same items: " + n + " vs " + candidate.size());
        }
        if (n == 0) {
            return new Interval(Double.NaN, Double.NaN, false);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] stats = new double[RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            double rs = 0;
            double rw = 0;
            double cs = 0;
            double cw = 0;
            for (int i = 0; i < n; i++) {
                int j = random.nextInt(n);
                rs += reference.scores()[j];
                rw += reference.weight(j);
                cs += candidate.scores()[j];
                cw += candidate.weight(j);
            }
            stats[b] = (rw == 0 ? 0 : rs / rw) - (cw == 0 ? 0 : cs / cw);
        }
        return percentiles(stats, confidence, n >= 2);
    }

    private static Interval percentiles(double[] stats, double confidence, boolean bounded) {
        java.util.Arrays.sort(stats);
        double alpha = 1 - confidence;
        int lo = (int) Math.floor(alpha / 2 * (stats.length - 1));
        int hi = (int) Math.ceil((1 - alpha / 2) * (stats.length - 1));
        return new Interval(stats[lo], stats[hi], bounded);
    }
}
