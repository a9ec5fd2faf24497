package io.inferbench.api.accuracy;

import io.inferbench.api.Interval;

import java.util.Arrays;

/**
 * One figure an accuracy task produced, e.g. test accuracy 0.953, 95% CI [0.93, 0.97], n = 400.
 *
 * @param name       e.g. {@code accuracy}, {@code character-accuracy}
 * @param value      the estimate; for the built-in tasks a proportion in [0, 1], higher is better
 * @param interval   its confidence interval; null when none could be given
 * @param confidence the interval's confidence level, e.g. 0.95
 * @param sampleSize items the estimate rests on (test items, text lines)
 * @param method     how the interval was computed, e.g. {@code Wilson score}, {@code bootstrap}
 * @param notes      free text: split sizes, settings, what was left out; may be empty
 * @param items      the per-item scores behind {@code value} (value = sum of scores / sum of
 *                   weights), so two configurations scored on the same items can be compared
 *                   pairwise; null when the metric is not such a ratio
 */
public record AccuracyMetric(String name, double value, Interval interval, double confidence, int sampleSize,
                             String method, String notes, ItemScores items) {
    public AccuracyMetric {
        notes = notes == null ? "" : notes;
    }

    /**
     * Per-item scores: item i scored {@code scores[i]} out of {@code weights[i]} (1 for a right/wrong
     * item; the characters of a text line for character accuracy).
     *
     * @param scores  per item, e.g. 1 or 0
     * @param weights per item; null when every weight is 1
     */
    public record ItemScores(double[] scores, double[] weights) {
        public ItemScores {
            if (weights != null && weights.length != scores.length) {
                throw new IllegalArgumentException("scores and weights differ in length: " + scores.length + " vs "
                        + weights.length);
            }
        }

        public int size() {
            return scores.length;
        }

        public double weight(int i) {
            return weights == null ? 1 : weights[i];
        }

        /** Sum of scores over sum of weights. */
        public double ratio() {
            double s = 0;
            double w = 0;
            for (int i = 0; i < scores.length; i++) {
                s += scores[i];
                w += weight(i);
            }
            return w == 0 ? Double.NaN : s / w;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ItemScores other && Arrays.equals(scores, other.scores)
                    && Arrays.equals(weights, other.weights);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(scores) + Arrays.hashCode(weights);
        }

        @Override
        public String toString() {
            return "ItemScores[" + scores.length + " items]";
        }
    }
}
