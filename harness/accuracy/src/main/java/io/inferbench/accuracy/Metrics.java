package io.inferbench.accuracy;

import io.inferbench.api.accuracy.AccuracyMetric;
import io.inferbench.api.accuracy.AccuracyMetric.ItemScores;
import io.inferbench.stats.ProportionIntervals;

/** Builds the common kinds of {@link AccuracyMetric} with their intervals, for evaluators. */
public final class Metrics {
    private Metrics() {
    }

    /** A proportion of right answers with its Wilson score interval, and the items kept for pairing. */
    public static AccuracyMetric proportion(String name, boolean[] correct, double confidence, String notes) {
        double[] scores = new double[correct.length];
        int k = 0;
        for (int i = 0; i < correct.length; i++) {
            scores[i] = correct[i] ? 1 : 0;
            k += correct[i] ? 1 : 0;
        }
        double value = correct.length == 0 ? Double.NaN : (double) k / correct.length;
        return new AccuracyMetric(name, value, ProportionIntervals.wilson(k, correct.length, confidence), confidence,
                correct.length, "Wilson score", notes, new ItemScores(scores, null));
    }

    /** sum(scores) / sum(weights) over items, with a seeded bootstrap interval over items. */
    public static AccuracyMetric ratio(String name, double[] scores, double[] weights, double confidence, long seed,
                                       String notes) {
        ItemScores items = new ItemScores(scores, weights);
        return new AccuracyMetric(name, items.ratio(), ConfidenceIntervals.ratio(items, confidence, seed), confidence,
                scores.length, "bootstrap over items (" + ConfidenceIntervals.RESAMPLES + " resamples)", notes, items);
    }
}
