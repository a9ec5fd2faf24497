package io.inferbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.inferbench.load.HistogramCodec;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

/**
 * Mann–Whitney U, its p-value and Cliff's δ against independent computations: Commons Math's
 * {@link MannWhitneyUTest} on the raw arrays (which has no tie correction, so its p-value is
 * compared on samples without ties), SciPy 1.17 for a sample with ties, and Cliff's δ by
 * brute force over all pairs.
 */
class MannWhitneyGoldenTest {
    private static final long[] A = {31, 45, 52, 58, 66, 70, 73, 81, 94};
    private static final long[] B = {12, 25, 33, 41, 47, 55, 60, 64, 68, 77, 79};
    private static final long[] TIED_A = {12, 15, 15, 18, 20, 22, 22, 22, 30};
    private static final long[] TIED_B = {10, 11, 15, 16, 18, 18, 19, 21, 25, 26};

    @Test
    void withoutTiesAgreesWithCommonsMath() {
        MannWhitney mw = MannWhitney.of(A, B);
        MannWhitneyUTest reference = new MannWhitneyUTest();
        // Commons Math reports max(U_A, U_B); here U_A = 65 of 99 pairs, the larger.
        assertEquals(reference.mannWhitneyU(doubles(A), doubles(B)), mw.u(), 1e-12);
        assertEquals(65, mw.u(), 1e-12);
        assertEquals(reference.mannWhitneyUTest(doubles(A), doubles(B)), mw.p(), 1e-12);
        // SciPy: mannwhitneyu(A, B, use_continuity=False, method='asymptotic')
        assertEquals(0.2389590520605286, mw.p(), 1e-12);
        assertEquals(bruteForceCliffsDelta(A, B), mw.cliffsDelta(), 1e-12);
    }

    @Test
    void withTiesUsesTheTieCorrectedVariance() {
        MannWhitney mw = MannWhitney.of(TIED_A, TIED_B);
        MannWhitneyUTest reference = new MannWhitneyUTest();
        assertEquals(reference.mannWhitneyU(doubles(TIED_A), doubles(TIED_B)), mw.u(), 1e-12);
        assertEquals(53, mw.u(), 1e-12);
        // SciPy 1.17: mannwhitneyu(TIED_A, TIED_B, use_continuity=False, method='asymptotic')
        assertEquals(0.5113979348030679, mw.p(), 1e-12);
        assertEquals(bruteForceCliffsDelta(TIED_A, TIED_B), mw.cliffsDelta(), 1e-12);
        // Swapping the samples mirrors U and δ and keeps p.
        MannWhitney swapped = MannWhitney.of(TIED_B, TIED_A);
        assertEquals(TIED_A.length * TIED_B.length - 53, swapped.u(), 1e-12);
        assertEquals(-mw.cliffsDelta(), swapped.cliffsDelta(), 1e-12);
        assertEquals(mw.p(), swapped.p(), 1e-12);
    }

    /** From histograms the test sees HdrHistogram's bucket values: exact below 2,048 ns. */
    @Test
    void fromHistogramsEqualsTheRawComputationOnExactlyRepresentableValues() {
        SplittableRandom random = new SplittableRandom(3);
        long[] a = new long[300];
        long[] b = new long[250];
        Arrays.setAll(a, i -> 100 + random.nextInt(1500));
        Arrays.setAll(b, i -> 150 + random.nextInt(1500));
        MannWhitney fromHistograms = MannWhitney.of(histogram(a), histogram(b));
        MannWhitney raw = MannWhitney.of(a, b);
        assertEquals(raw.u(), fromHistograms.u(), 1e-9);
        assertEquals(raw.p(), fromHistograms.p(), 1e-12);
        assertEquals(bruteForceCliffsDelta(a, b), fromHistograms.cliffsDelta(), 1e-12);
        assertEquals(new MannWhitneyUTest().mannWhitneyU(doubles(a), doubles(b)),
                Math.max(raw.u(), (double) a.length * b.length - raw.u()), 1e-9);
    }

    @Test
    void identicalSamplesGiveNoEvidence() {
        MannWhitney mw = MannWhitney.of(new long[] {5, 5, 5}, new long[] {5, 5});
        assertEquals(1, mw.p());
        assertEquals(0, mw.cliffsDelta());
        assertThrows(IllegalArgumentException.class, () -> MannWhitney.of(new long[0], new long[] {1}));
    }

    @Test
    void magnitudesFollowRomanoEtAl() {
        assertEquals("negligible", MannWhitney.magnitude(0.146));
        assertEquals("small", MannWhitney.magnitude(-0.147));
        assertEquals("small", MannWhitney.magnitude(0.329));
        assertEquals("medium", MannWhitney.magnitude(0.33));
        assertEquals("medium", MannWhitney.magnitude(-0.473));
        assertEquals("large", MannWhitney.magnitude(0.474));
        assertEquals("large", MannWhitney.magnitude(-1));
    }

    /** Every pair, the definition: P(a &gt; b) − P(a &lt; b). */
    static double bruteForceCliffsDelta(long[] a, long[] b) {
        long more = 0;
        long less = 0;
        for (long x : a) {
            for (long y : b) {
                more += x > y ? 1 : 0;
                less += x < y ? 1 : 0;
            }
        }
        return (more - less) / (double) (a.length * b.length);
    }

    private static double[] doubles(long[] values) {
        return Arrays.stream(values).asDoubleStream().toArray();
    }

    private static Histogram histogram(long[] values) {
        Histogram h = HistogramCodec.newHistogram();
        for (long v : values) {
            h.recordValue(v);
        }
        return h;
    }
}
