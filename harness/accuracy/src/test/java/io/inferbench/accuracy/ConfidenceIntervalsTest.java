package io.inferbench.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.api.accuracy.AccuracyMetric.ItemScores;
import io.inferbench.api.Interval;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConfidenceIntervalsTest {
    /** The paired bootstrap interval of a drop covers the true drop about 95% of the time. */
    @Test
    void pairedDropCoversTheTrueDrop() {
        SplittableRandom random = new SplittableRandom(11);
        int covered = 0;
        int repetitions = 300;
        int n = 300;
        double pRef = 0.95;
        double flip = 0.03; // the candidate gets 3% of the reference's right answers wrong: true drop 2.85 points
        double trueDrop = pRef * flip;
        for (int r = 0; r < repetitions; r++) {
            double[] ref = new double[n];
            double[] cand = new double[n];
            for (int i = 0; i < n; i++) {
                ref[i] = random.nextDouble() < pRef ? 1 : 0;
                cand[i] = ref[i] == 1 && random.nextDouble() < flip ? 0 : ref[i];
            }
            Interval ci = ConfidenceIntervals.pairedDifference(new ItemScores(ref, null), new ItemScores(cand, null),
                    0.95, r);
            covered += ci.low() <= trueDrop && trueDrop <= ci.high() ? 1 : 0;
        }
        double coverage = covered / (double) repetitions;
        // 300 repetitions: the binomial standard error of a 95% coverage is 1.3 points.
        assertTrue(coverage >= 0.91 && coverage <= 0.99, "coverage " + coverage);
    }

    @Test
    void identicalItemsHaveNoDrop() {
        double[] s = {1, 0, 1, 1, 0, 1};
        Interval ci = ConfidenceIntervals.pairedDifference(new ItemScores(s, null), new ItemScores(s.clone(), null),
                0.95, 1);
        assertEquals(0, ci.low());
        assertEquals(0, ci.high());
    }

    @Test
    void ratioBootstrapBracketsTheRatio() {
        double[] scores = {9, 10, 7, 10, 8, 10, 10, 6};
        double[] weights = {10, 10, 10, 10, 10, 10, 10, 10};
        ItemScores items = new ItemScores(scores, weights);
        Interval ci = ConfidenceIntervals.ratio(items, 0.95, 3);
        assertEquals(0.875, items.ratio(), 1e-12);
        assertTrue(ci.low() < 0.875 && 0.875 < ci.high(), ci.toString());
        assertTrue(ci.low() > 0.7 && ci.high() <= 1.0, ci.toString());
    }
}
