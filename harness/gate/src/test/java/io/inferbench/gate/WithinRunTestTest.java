package io.inferbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fallback with too little history: forks first, then intervals, else no test. */
class WithinRunTestTest {
    private static final double Z = 1.959963984540054;

    @Test
    void intervalsGiveANormalTestOnTheLogRatio() {
        Observation current = Observation.of(11, 10.8, 11.2, 1000);
        Observation baseline = Observation.of(10, 9.9, 10.1, 1000);
        Evidence e = WithinRunTest.of(ChangeScale.RATIO, current, baseline, 2);
        assertEquals(Method.WITHIN_RUN_INTERVALS, e.method());
        assertEquals(Math.log(1.1), e.delta(), 1e-12);
        double seCurrent = Math.log(11.2 / 10.8) / (2 * Z);
        double seBaseline = Math.log(10.1 / 9.9) / (2 * Z);
        assertEquals(Math.hypot(seCurrent, seBaseline), e.standardError(), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, e.degreesOfFreedom());
        assertEquals(2, e.historyRuns());
    }

    @Test
    void forkMediansArePreferredAndGiveWelchT() {
        Observation current = Observation.of(11, 10.8, 11.2, 1000).withForkMedians(List.of(10.8, 11.0, 11.2));
        Observation baseline = Observation.of(10, 9.9, 10.1, 1000).withForkMedians(List.of(9.9, 10.1));
        Evidence e = WithinRunTest.of(ChangeScale.RATIO, current, baseline, 1);
        assertEquals(Method.WITHIN_RUN_FORKS, e.method());
        double meanCurrent = (Math.log(10.8) + Math.log(11.0) + Math.log(11.2)) / 3;
        double meanBaseline = (Math.log(9.9) + Math.log(10.1)) / 2;
        assertEquals(meanCurrent - meanBaseline, e.delta(), 1e-12);
        assertTrue(e.degreesOfFreedom() > 1 && e.degreesOfFreedom() < 3, "Welch df " + e.degreesOfFreedom());
    }

    @Test
    void withoutIntervalsThereIsNoTest() {
        Evidence e = WithinRunTest.of(ChangeScale.RATIO, Observation.of(12), Observation.of(10, 9.9, 10.1, 100), 1);
        assertEquals(Method.THRESHOLD_ONLY, e.method());
        assertFalse(e.testable());
        assertEquals(Math.log(1.2), e.delta(), 1e-12);
        assertEquals(0.5, e.pValue(new StudentT()));
    }

    @Test
    void accuracyIntervalsAreInPoints() {
        Evidence e = WithinRunTest.of(ChangeScale.POINTS, Observation.of(0.88, 0.86, 0.90, 400),
                Observation.of(0.90, 0.88, 0.92, 400), 1);
        assertEquals(-2, e.delta(), 1e-9);
        assertEquals(Math.hypot(2, 2) / Z, e.standardError(), 1e-9);
    }
}
