package io.inferbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.load.HistogramCodec;
import io.inferbench.api.Interval;
import io.inferbench.result.LatencySummary;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * The 95% intervals are honest: over many seeded repetitions they cover the true value (known in
 * closed form) about 95% of the time, and the rank choice behind the percentile intervals is the
 * narrowest that reaches 95%.
 */
class ConfidenceCoverageTest {
    private static final int REPETITIONS = 1_000;
    private static final int N = 500;
    private static final double MEDIAN_NANOS = 2e6;
    private static final double SIGMA = 0.5;
    private static final double[] PERCENTILES = {50, 90, 99};

    @Test
    void intervalsCoverTheTrueValueAbout95PercentOfTheTime() {
        NormalDistribution z = new NormalDistribution();
        double[] truthMs = new double[PERCENTILES.length];
        for (int i = 0; i < PERCENTILES.length; i++) {
            truthMs[i] = MEDIAN_NANOS * Math.exp(SIGMA * z.inverseCumulativeProbability(PERCENTILES[i] / 100)) / 1e6;
        }
        double trueMeanMs = MEDIAN_NANOS * Math.exp(SIGMA * SIGMA / 2) / 1e6;

        SplittableRandom random = new SplittableRandom(2024);
        Histogram h = HistogramCodec.newHistogram();
        int[] covered = new int[PERCENTILES.length];
        int meanCovered = 0;
        for (int rep = 0; rep < REPETITIONS; rep++) {
            h.reset();
            for (int i = 0; i < N; i++) {
                h.recordValue(Math.round(MEDIAN_NANOS * Math.exp(SIGMA * random.nextGaussian())));
            }
            LatencySummary s = LatencyStatistics.summarize(h);
            for (int i = 0; i < PERCENTILES.length; i++) {
                Interval ci = s.percentile(PERCENTILES[i]).ci95Ms();
                assertTrue(ci.bounded(), "p" + PERCENTILES[i] + " of " + N + " samples is bounded");
                covered[i] += contains(ci, truthMs[i]) ? 1 : 0;
            }
            meanCovered += contains(s.meanCi95Ms(), trueMeanMs) ? 1 : 0;
        }
        for (int i = 0; i < PERCENTILES.length; i++) {
            assertInBand("p" + PERCENTILES[i], covered[i]);
        }
        assertInBand("mean", meanCovered);
    }

    private static boolean contains(Interval ci, double value) {
        return ci.low() <= value && value <= ci.high();
    }

    /** 93–97%: the nominal 95% give or take about three standard errors of 1,000 trials. */
    private static void assertInBand(String what, int covered) {
        double rate = covered / (double) REPETITIONS;
        assertTrue(rate >= 0.93 && rate <= 0.97, what + " interval covered the true value in " + covered + " of "
                + REPETITIONS + " repetitions");
    }

    /** The chosen ranks against a brute-force search over every pair, with binomial sums done by hand. */
    @Test
    void ranksAreTheNarrowestPairReaching95Percent() {
        for (int n : new int[] {10, 30, 100, 500}) {
            for (double p : new double[] {0.5, 0.9, 0.99}) {
                double[] cdf = binomialCdf(n, p);
                int bestLow = 0;
                int bestHigh = 0;
                double bestCoverage = 0;
                for (int low = 1; low <= n; low++) {
                    for (int high = low + 1; high <= n; high++) {
                        // P(low <= B <= high - 1), B the number of samples below the quantile.
                        double coverage = cdf[high - 1] - cdf[low - 1];
                        if (coverage >= 0.95 - 1e-12 && (bestHigh == 0 || high - low < bestHigh - bestLow
                                || high - low == bestHigh - bestLow && coverage < bestCoverage - 1e-12)) {
                            bestLow = low;
                            bestHigh = high;
                            bestCoverage = coverage;
                        }
                    }
                }
                OrderStatisticRanks r = OrderStatisticRanks.of(n, p, 0.95);
                String what = "n=" + n + " p=" + p;
                if (bestHigh == 0) {
                    assertFalse(r.bounded(), what);
                } else {
                    assertTrue(r.bounded(), what);
                    assertEquals(bestHigh - bestLow, r.high() - r.low(), what + " width");
                    assertEquals(bestCoverage, r.coverage(), 1e-9, what + " coverage");
                }
            }
        }
    }

    @Test
    void knownRanksForFiveHundredSamples() {
        // Worked out with the same binomial sums: p99 of 500 samples is [X(491), X(500)], 96.2%;
        // equal tails would need [X(490), X(500)] and cover 98%.
        OrderStatisticRanks p99 = OrderStatisticRanks.of(500, 0.99, 0.95);
        assertEquals(491, p99.low());
        assertEquals(500, p99.high());
        assertEquals(0.9623, p99.coverage(), 1e-4);
        OrderStatisticRanks p50 = OrderStatisticRanks.of(500, 0.5, 0.95);
        assertEquals(228, p50.low());
        assertEquals(272, p50.high());
    }

    @Test
    void hugeSamplesUseTheNormalApproximation() {
        OrderStatisticRanks r = OrderStatisticRanks.of(100_000_000L, 0.5, 0.95);
        assertTrue(r.bounded());
        double halfWidth = 1.96 * Math.sqrt(100_000_000L * 0.25);
        assertEquals(50_000_000 - halfWidth, r.low(), 2);
        assertEquals(50_000_000 + halfWidth, r.high(), 2);
    }

    /**
     * cdf[k] = P(Binomial(n, p) <= k), summing the probabilities term by term. The terms are built
     * outwards from the mode by their ratio and normalised at the end, so tiny tails do not underflow
     * the rest to zero.
     */
    private static double[] binomialCdf(int n, double p) {
        double[] w = new double[n + 1];
        int mode = (int) Math.floor((n + 1) * p);
        mode = Math.min(n, mode);
        w[mode] = 1;
        for (int k = mode; k < n; k++) {
            w[k + 1] = w[k] * (n - k) / (k + 1) * p / (1 - p);
        }
        for (int k = mode; k > 0; k--) {
            w[k - 1] = w[k] * k / (n - k + 1) * (1 - p) / p;
        }
        double total = 0;
        for (double v : w) {
            total += v;
        }
        double[] cdf = new double[n + 1];
        double sum = 0;
        for (int k = 0; k <= n; k++) {
            sum += w[k] / total;
            cdf[k] = sum;
        }
        return cdf;
    }
}
