package io.inferbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.EarlyStoppingEstimate;
import io.inferbench.load.HistogramCodec;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    /** Latencies of exactly 1, 2, ..., n milliseconds: the k-th smallest is k ms. */
    private static Histogram oneToN(int n) {
        Histogram h = HistogramCodec.newHistogram();
        for (int i = 1; i <= n; i++) {
            h.recordValue(i * 1_000_000L);
        }
        return h;
    }

    private static Histogram lognormal(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Histogram h = HistogramCodec.newHistogram();
        for (int i = 0; i < n; i++) {
            h.recordValue(Math.round(2e6 * Math.exp(0.5 * random.nextGaussian())));
        }
        return h;
    }

    /**
     * LoadGen's summaries print these: "Processed at least 64 queries" (p90) and "would need to process
     * at least 662 total queries" (p99), at its 99% confidence.
     */
    @Test
    void minimumQueriesMatchLoadGen() {
        assertEquals(64, EarlyStopping.minimumQueries(90, 0.99));
        assertEquals(662, EarlyStopping.minimumQueries(99, 0.99));
        for (double p : new double[] {50, 90, 95, 99, 99.9}) {
            for (double c : new double[] {0.9, 0.95, 0.99}) {
                assertEquals(bruteForceMinimum(p / 100, c), EarlyStopping.minimumQueries(p, c), "p" + p + " @" + c);
            }
        }
    }

    /** Smallest n with P(at most 1 of n queries over the percentile) < 1 - c, summed term by term. */
    private static long bruteForceMinimum(double p, double c) {
        for (int n = 2; ; n++) {
            double none = Math.pow(p, n);
            double one = n * (1 - p) * Math.pow(p, n - 1);
            if (none + one < 1 - c) {
                return n;
            }
        }
    }

    @Test
    void plainOrderStatisticBoundWouldNeedFewer() {
        // For comparison: the max bounds p90 at 99% once 0.9^n <= 0.01, at n = 44. LoadGen also counts
        // the estimate's own query as over, which costs 20 more queries.
        assertEquals(44, (long) Math.ceil(Math.log(0.01) / Math.log(0.9)));
        assertTrue(Math.pow(0.9, 44) < 0.01 && Math.pow(0.9, 43) > 0.01);
    }

    /**
     * LoadGen's own output for p90: 100 queries "would discard 2 highest latency queries", 201 would
     * discard 9. The estimate is the next one down.
     */
    @Test
    void goldenRanksFromLoadGen() {
        EarlyStoppingEstimate e100 = EarlyStopping.estimate(oneToN(100), 90, 0.99);
        assertEquals(98, e100.valueMs(), 98 * 0.001);
        assertEquals(98, EarlyStopping.rank(100, 90, 0.99));
        assertEquals(192, EarlyStopping.rank(201, 90, 0.99));
        assertEquals(201 - 9, EarlyStopping.estimate(oneToN(201), 90, 0.99).valueMs(), 192 * 0.001);
    }

    /** The rank against binomial sums done by hand: t is the largest with P(B(n, 1-p) <= t) < 1 - c. */
    @Test
    void ranksMatchBinomialSums() {
        for (double p : new double[] {0.5, 0.9, 0.99}) {
            for (int n = 2; n <= 1000; n += 7) { // 0.5^1000 still fits a double
                double over = 1 - p;
                double term = Math.pow(p, n); // P(exactly 0 over)
                double atMost = 0;
                int t = 0;
                for (int k = 0; k <= n; k++) {
                    atMost += term;
                    if (atMost >= 0.01) {
                        break;
                    }
                    t = k;
                    term *= (double) (n - k) / (k + 1) * over / p;
                }
                long expected = t >= 1 ? n - t + 1 : 0;
                assertEquals(expected, EarlyStopping.rank(n, p * 100, 0.99), "n=" + n + " p=" + p);
            }
        }
    }

    @Test
    void tooFewQueriesGiveNaN() {
        EarlyStoppingEstimate e = EarlyStopping.estimate(oneToN(63), 90, 0.99);
        assertTrue(Double.isNaN(e.valueMs()));
        assertFalse(e.sufficient());
        assertEquals(63, e.queries());
        assertEquals(64, e.minimumQueries());

        // At the minimum, the estimate is the largest latency (nothing can be discarded).
        EarlyStoppingEstimate at = EarlyStopping.estimate(oneToN(64), 90);
        assertTrue(at.sufficient());
        assertEquals(64, at.valueMs(), 64 * 0.001);
        assertEquals(0.99, at.confidence());
        assertTrue(Double.isNaN(EarlyStopping.estimate(HistogramCodec.newHistogram(), 99, 0.99).valueMs()));
    }

    @Test
    void estimateIsAtLeastThePointPercentileAndConvergesToIt() {
        double previousGap = Double.POSITIVE_INFINITY;
        for (int n : new int[] {1_000, 10_000, 100_000, 1_000_000}) {
            Histogram h = lognormal(n, n);
            for (double p : new double[] {90, 99}) {
                double point = h.getValueAtPercentile(p) / 1e6;
                double estimate = EarlyStopping.estimate(h, p, 0.99).valueMs();
                assertTrue(estimate >= point, "n=" + n + " p" + p + ": " + estimate + " < " + point);
                if (p == 90) {
                    double gap = (estimate - point) / point;
                    assertTrue(gap < previousGap, "n=" + n + ": the gap shrinks, " + gap + " >= " + previousGap);
                    previousGap = gap;
                }
            }
        }
        assertTrue(previousGap < 0.005, "within 0.5% at a million queries, got " + previousGap);
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> EarlyStopping.minimumQueries(100, 0.99));
        assertThrows(IllegalArgumentException.class, () -> EarlyStopping.minimumQueries(0, 0.99));
        assertThrows(IllegalArgumentException.class, () -> EarlyStopping.minimumQueries(90, 1));
        assertThrows(IllegalArgumentException.class, () -> EarlyStopping.estimate(oneToN(10), 90, Double.NaN));
    }
}
