package io.inferbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.api.Interval;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProportionIntervalsTest {
    /** Wilson 95% for 81/100 and 0/10, computed independently (SciPy: the closed form with z = 1.95996). */
    @Test
    void wilsonGoldenValues() {
        Interval w = ProportionIntervals.wilson(81, 100, 0.95);
        assertEquals(0.722, w.low(), 5e-4);
        assertEquals(0.8749, w.high(), 5e-4);
        Interval zero = ProportionIntervals.wilson(0, 10, 0.95);
        assertEquals(0, zero.low(), 1e-12);
        assertEquals(0.2775, zero.high(), 5e-4);
    }

    /** Clopper-Pearson 95% for 81/100: SciPy beta.ppf gives (0.7193, 0.8816). */
    @Test
    void clopperPearsonGoldenValues() {
        Interval cp = ProportionIntervals.clopperPearson(81, 100, 0.95);
        assertEquals(0.7193, cp.low(), 5e-4);
        assertEquals(0.8816, cp.high(), 5e-4);
    }

    /** On 1,000 seeded simulated test sets, the 95% Wilson interval covers the true accuracy 93-97% of the time. */
    @Test
    void wilsonCoversTheTrueAccuracy() {
        for (double p : new double[] {0.9, 0.96, 0.7}) {
            SplittableRandom random = new SplittableRandom(7);
            int covered = 0;
            int repetitions = 1000;
            int n = 300;
            for (int r = 0; r < repetitions; r++) {
                int k = 0;
                for (int i = 0; i < n; i++) {
                    k += random.nextDouble() < p ? 1 : 0;
                }
                Interval ci = ProportionIntervals.wilson(k, n, 0.95);
                covered += ci.low() <= p && p <= ci.high() ? 1 : 0;
            }
            double coverage = covered / (double) repetitions;
            assertTrue(coverage >= 0.93 && coverage <= 0.97, "p = " + p + ": coverage " + coverage);
        }
    }

    /** All right or all wrong: Wilson stays inside [0, 1] and touches the end it should. */
    @Test
    void wilsonAtTheEdges() {
        for (int n : new int[] {1, 7, 10, 300}) {
            Interval none = ProportionIntervals.wilson(0, n, 0.95);
            Interval all = ProportionIntervals.wilson(n, n, 0.95);
            assertEquals(0, none.low(), 1e-15);
            assertEquals(1, all.high(), 1e-15);
            assertTrue(none.low() >= 0 && all.high() <= 1, none + " " + all);
            assertEquals(none.high(), 1 - all.low(), 1e-12, "symmetric: 0 of n mirrors n of n");
        }
    }

    /**
     * 0 or n successes, where Commons Math cannot compute Clopper–Pearson: the closed form, checked
     * against SciPy (beta.ppf(0.975, 1, 10) = 0.30850, beta.ppf(0.025, 10, 1) = 0.69150).
     */
    @Test
    void clopperPearsonAtTheEdges() {
        Interval none = ProportionIntervals.clopperPearson(0, 10, 0.95);
        assertEquals(0, none.low());
        assertEquals(0.30850, none.high(), 5e-5);
        Interval all = ProportionIntervals.clopperPearson(10, 10, 0.95);
        assertEquals(0.69150, all.low(), 5e-5);
        assertEquals(1, all.high());
        Interval one = ProportionIntervals.clopperPearson(1, 1, 0.95);
        assertEquals(0.025, one.low(), 1e-12);
    }

    @Test
    void noTrialsBoundNothing() {
        for (Interval ci : new Interval[] {ProportionIntervals.wilson(0, 0, 0.95),
                ProportionIntervals.clopperPearson(0, 0, 0.95)}) {
            assertEquals(0, ci.low());
            assertEquals(1, ci.high());
            assertFalse(ci.bounded());
        }
    }
}
