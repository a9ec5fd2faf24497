package io.inferbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The history test: its formula, and that its p-values mean what they say. */
class PredictionTestTest {
    @Test
    void tIsTheDeviationOverTheSpreadOfAPrediction() {
        Evidence e = PredictionTest.of(new double[] {1, 2, 3, 4, 5}, 8, Method.HISTORY);
        assertEquals(5, e.delta(), 1e-12);
        // s = √2.5, se = s·√(1 + 1/5) = √3.
        assertEquals(Math.sqrt(3), e.standardError(), 1e-12);
        assertEquals(4, e.degreesOfFreedom());
        assertEquals(5, e.historyRuns());
        // One-sided P(T4 ≥ 5/√3 = 2.8868) = 0.02240 (tables).
        assertEquals(0.02240, e.pValue(new StudentT()), 5e-5);
    }

    @Test
    void aHistoryThatNeverMovedMakesAnyMoveSignificant() {
        StudentT t = new StudentT();
        assertEquals(0, PredictionTest.of(new double[] {2, 2, 2}, 2.1, Method.HISTORY).pValue(t));
        assertEquals(0.5, PredictionTest.of(new double[] {2, 2, 2}, 2, Method.HISTORY).pValue(t));
    }

    @Test
    void underNoChangeTheOneSidedPValueIsUniform() {
        Random random = new Random(11);
        StudentT t = new StudentT();
        int draws = 20_000;
        int worseBelow01 = 0;
        int worseBelow001 = 0;
        for (int i = 0; i < draws; i++) {
            double[] history = new double[10];
            for (int k = 0; k < history.length; k++) {
                history[k] = 3 + 0.03 * random.nextGaussian();
            }
            Evidence e = PredictionTest.of(history, 3 + 0.03 * random.nextGaussian(), Method.HISTORY);
            double p = e.pValue(t);
            worseBelow01 += e.delta() > 0 && p <= 0.01 ? 1 : 0;
            worseBelow001 += e.delta() > 0 && p <= 0.001 ? 1 : 0;
        }
        assertEquals(0.01, (double) worseBelow01 / draws, 0.003);
        assertTrue(worseBelow001 <= 40, worseBelow001 + " of " + draws + " at p ≤ 0.001 (expected 20)");
    }

    @Test
    void needsTwoEarlierRuns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PredictionTest.of(new double[] {1}, 1, Method.HISTORY));
        assertEquals("the prediction test needs two or more earlier runs, got 1", e.getMessage());
    }
}
