package io.inferbench.compare;

import org.HdrHistogram.Histogram;
import org.apache.commons.math3.special.Erf;

/**
 * The Mann–Whitney U test and Cliff's δ of two latency samples, from one pass over their sorted
 * (value, count) lists: O(buckets), however many samples the histograms hold.
 *
 * <p>Ties (equal values, common in histograms with 0.1% resolution) get the average of the ranks
 * they span, and the normal approximation's variance is corrected for them:
 * {@code σ² = nA·nB/12 · ((N + 1) − Σ(t³ − t) / (N(N − 1)))}. No continuity correction.
 *
 * @param u               U of sample A: pairs (a, b) with a &gt; b, plus half the pairs with a = b
 * @param z               (U − nA·nB/2) / σ
 * @param p               two-sided p-value from the normal approximation; 1 when σ is 0 (all values equal)
 * @param cliffsDelta     P(A &gt; B) − P(A &lt; B) = 2U / (nA·nB) − 1
 * @param nA              size of sample A
 * @param nB              size of sample B
 */
public record MannWhitney(double u, double z, double p, double cliffsDelta, long nA, long nB) {
    /** Romano et al. (2006) thresholds on |δ| for small, medium and large effects. */
    private static final double SMALL = 0.147;
    private static final double MEDIUM = 0.33;
    private static final double LARGE = 0.474;

    /** The test of two histograms of latencies; both must hold at least one value. */
    public static MannWhitney of(Histogram a, Histogram b) {
        return of(EmpiricalDistribution.of(a), EmpiricalDistribution.of(b));
    }

    /** The test of two raw samples (values are compared exactly). */
    public static MannWhitney of(long[] a, long[] b) {
        return of(EmpiricalDistribution.ofValues(a), EmpiricalDistribution.ofValues(b));
    }

    static MannWhitney of(EmpiricalDistribution a, EmpiricalDistribution b) {
        long nA = a.count();
        long nB = b.count();
        if (nA == 0 || nB == 0) {
            throw new IllegalArgumentException("Mann–Whitney needs two non-empty samples, got " + nA + " and " + nB);
        }
        double rankSumA = 0;
        double tieTerm = 0;
        long below = 0;
        int i = 0;
        int j = 0;
        // Merge the two sorted value lists; each distinct value is one tie group.
        while (i < a.buckets() || j < b.buckets()) {
            long value = Math.min(i < a.buckets() ? a.value(i) : Long.MAX_VALUE,
                    j < b.buckets() ? b.value(j) : Long.MAX_VALUE);
            long countA = i < a.buckets() && a.value(i) == value ? a.countAt(i++) : 0;
            long countB = j < b.buckets() && b.value(j) == value ? b.countAt(j++) : 0;
            double t = countA + countB;
            double midRank = below + (t + 1) / 2;
            rankSumA += countA * midRank;
            tieTerm += t * t * t - t;
            below += countA + countB;
        }
        double n = nA + nB;
        double product = (double) nA * nB;
        double u = rankSumA - nA * (nA + 1.0) / 2;
        double variance = product / 12 * ((n + 1) - tieTerm / (n * (n - 1)));
        double z = variance > 0 ? (u - product / 2) / Math.sqrt(variance) : 0;
        // erfc keeps tiny p-values (|z| up to ~38) instead of rounding 1 − Φ to 0.
        double p = variance > 0 ? Math.min(1, Erf.erfc(Math.abs(z) / Math.sqrt(2))) : 1;
        return new MannWhitney(u, z, p, 2 * u / product - 1, nA, nB);
    }

    /** Cliff's δ as a word: negligible (&lt; 0.147), small (&lt; 0.33), medium (&lt; 0.474) or large. */
    public static String magnitude(double cliffsDelta) {
        double d = Math.abs(cliffsDelta);
        if (d < SMALL) {
            return "negligible";
        }
        if (d < MEDIUM) {
            return "small";
        }
        return d < LARGE ? "medium" : "large";
    }

    /** Cliff's δ of this test as a word. */
    public String magnitude() {
        return magnitude(cliffsDelta);
    }
}
