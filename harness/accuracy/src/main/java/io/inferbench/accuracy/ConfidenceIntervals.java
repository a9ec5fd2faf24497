package io.inferbench.accuracy;

import io.inferbench.api.Interval;
import io.inferbench.api.accuracy.AccuracyMetric.ItemScores;
import io.inferbench.stats.PercentileBootstrap;

/**
 * Bootstrap intervals for accuracy figures, resampling items ({@link PercentileBootstrap}, seeded):
 * for ratios (character accuracy) and for paired differences (the drop of one configuration
 * against another on the same items). Proportions get Wilson intervals from
 * {@link io.inferbench.stats.ProportionIntervals}.
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
        PercentileBootstrap bootstrap = PercentileBootstrap.of(
                random -> ratio(items, PercentileBootstrap.resampleIndices(n, random)), RESAMPLES, seed);
        return boundedFromTwoItems(bootstrap.interval(confidence), n);
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
        PercentileBootstrap bootstrap = PercentileBootstrap.of(random -> {
            int[] drawn = PercentileBootstrap.resampleIndices(n, random);
            return ratio(reference, drawn) - ratio(candidate, drawn);
        }, RESAMPLES, seed);
        return boundedFromTwoItems(bootstrap.interval(confidence), n);
    }

    /** sum(scores) / sum(weights) over the drawn items; 0 when they weigh nothing. */
    private static double ratio(ItemScores items, int[] drawn) {
        double s = 0;
        double w = 0;
        for (int j : drawn) {
            s += items.scores()[j];
            w += items.weight(j);
        }
        return w == 0 ? 0 : s / w;
    }

    /** One item resampled is always itself: the interval then bounds nothing. */
    private static Interval boundedFromTwoItems(Interval ci, int items) {
        return new Interval(ci.low(), ci.high(), items >= 2);
    }
}
