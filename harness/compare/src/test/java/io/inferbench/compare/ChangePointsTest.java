package io.inferbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** E-divisive change points on synthetic series with known changes (and none). */
class ChangePointsTest {
    private static double[] noisy(int n, long seed, double... levels) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = levels[Math.min(levels.length - 1, i * levels.length / n)] * (1 + 0.02 * r.nextGaussian());
        }
        return v;
    }

    @Test
    void findsAStepAtTheRightIndex() {
        double[] v = noisy(60, 1, 10.0, 11.0); // +10% from index 30
        List<ChangePoints.Change> changes = ChangePoints.DEFAULT.detect(v);
        assertEquals(1, changes.size(), changes.toString());
        ChangePoints.Change c = changes.get(0);
        assertEquals(30, c.index());
        assertTrue(c.pValue() <= 0.01);
        assertEquals(0.10, c.relative(), 0.02);
    }

    @Test
    void findsAStepInALongSeriesWhereverItIs() {
        for (int at : new int[] {5, 47, 150, 194}) {
            Random r = new Random(at);
            double[] v = new double[200];
            for (int i = 0; i < v.length; i++) {
                v[i] = (i < at ? 20 : 18) + 0.3 * r.nextGaussian();
            }
            List<ChangePoints.Change> changes = ChangePoints.DEFAULT.detect(v);
            assertEquals(1, changes.size(), "step at " + at + ": " + changes);
            assertEquals(at, changes.get(0).index(), 1, "step at " + at);
        }
    }

    @Test
    void findsTwoStepsUpAndBackDown() {
        double[] v = noisy(90, 2, 5.0, 6.0, 5.0);
        List<ChangePoints.Change> changes = ChangePoints.DEFAULT.detect(v);
        assertEquals(2, changes.size(), changes.toString());
        assertEquals(30, changes.get(0).index(), 1);
        assertEquals(60, changes.get(1).index(), 1);
        assertTrue(changes.get(0).relative() > 0.15 && changes.get(1).relative() < -0.12, changes.toString());
    }

    @Test
    void pureNoiseHasNoChange() {
        int falseAlarms = 0;
        for (long seed = 0; seed < 40; seed++) {
            falseAlarms += ChangePoints.DEFAULT.detect(noisy(80, 100 + seed, 10.0)).size();
        }
        // At p <= 0.01 per test, about 0.4 expected over 40 series; more than 2 would be a broken test.
        assertTrue(falseAlarms <= 2, "false alarms on pure noise: " + falseAlarms);
        assertEquals(List.of(), ChangePoints.DEFAULT.detect(noisy(80, 7, 10.0)));
    }

    @Test
    void constantAndShortSeriesHaveNone() {
        assertEquals(List.of(), ChangePoints.DEFAULT.detect(new double[40]));
        assertEquals(List.of(), ChangePoints.DEFAULT.detect(new double[] {1, 2, 3, 100, 100}));
        assertEquals(List.of(), ChangePoints.DEFAULT.detect(new double[0]));
    }

    @Test
    void sameSeriesSameAnswer() {
        double[] v = noisy(50, 3, 1.0, 1.05);
        assertEquals(ChangePoints.DEFAULT.detect(v), ChangePoints.DEFAULT.detect(v.clone()));
    }

    /** The O(n log n) scan gives the split and the score of the plain O(n²) double sum. */
    @Test
    void fastScanMatchesThePairwiseSums() {
        Random r = new Random(11);
        for (int trial = 0; trial < 50; trial++) {
            int n = 6 + r.nextInt(120);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = trial % 5 == 0 ? r.nextInt(4) : (i < n / 3 ? 10 : 12) + r.nextGaussian(); // ties too
            }
            int[] at = new int[1];
            double q = ChangePoints.DEFAULT.maxQ(v, at);
            int[] expectedAt = new int[1];
            double expected = pairwiseMaxQ(v, ChangePoints.DEFAULT.minSegment(), expectedAt);
            assertEquals(expected, q, 1e-9 * Math.max(1, Math.abs(expected)), "trial " + trial);
            assertEquals(expectedAt[0], at[0], "trial " + trial);
        }
    }

    private static double pairwiseMaxQ(double[] v, int minSegment, int[] at) {
        int n = v.length;
        double best = Double.NEGATIVE_INFINITY;
        for (int m = minSegment; m <= n - minSegment; m++) {
            double between = 0;
            double left = 0;
            double right = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double d = Math.abs(v[i] - v[j]);
                    if (j < m) {
                        left += d;
                    } else if (i >= m) {
                        right += d;
                    } else {
                        between += d;
                    }
                }
            }
            int k = n - m;
            double e = 2 * between / ((double) m * k) - left / (m * (m - 1) / 2.0) - right / (k * (k - 1) / 2.0);
            double q = (double) m * k / n * e;
            if (q > best) {
                best = q;
                at[0] = m;
            }
        }
        return best;
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> ChangePoints.DEFAULT.detect(new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> new ChangePoints(1, 199, 0.01, 1));
        assertThrows(IllegalArgumentException.class, () -> new ChangePoints(3, 5, 0.01, 1));
    }
}
