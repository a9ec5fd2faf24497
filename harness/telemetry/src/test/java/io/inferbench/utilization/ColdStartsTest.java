package io.inferbench.utilization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.ColdStart;
import io.inferbench.result.TimelinePoint;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Time to steady state from per-interval medians. */
class ColdStartsTest {
    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void firstIntervalWithinTenPercentOfTheFinalMedian() {
        // JIT warm-up: 40, 25, 12 ms, then steady around 10 ms; 12 is 20% off, 10.8 is within 10%.
        List<Double> p50 = List.of(40.0, 25.0, 12.0, 10.8, 10.1, 9.9, 10.0);
        assertEquals(3000.0, ColdStarts.timeToSteadyStateMs(p50, SECOND));
        assertEquals(1500.0, ColdStarts.timeToSteadyStateMs(p50, Duration.ofMillis(500)));
        assertEquals(2000.0, ColdStarts.timeToSteadyStateMs(p50, SECOND, 10.0, 0.25));
    }

    @Test
    void intervalsWithoutQueriesAreSkippedAndNoneMeansNaN() {
        List<Double> p50 = Arrays.asList(Double.NaN, null, 10.0, Double.NaN);
        assertEquals(2000.0, ColdStarts.timeToSteadyStateMs(p50, SECOND), "the final p50 is the last non-NaN one");
        assertTrue(Double.isNaN(ColdStarts.timeToSteadyStateMs(List.of(), SECOND)));
        assertTrue(Double.isNaN(ColdStarts.timeToSteadyStateMs(List.of(50.0, 40.0), SECOND, 10.0, 0.1)));
        assertEquals(0.0, ColdStarts.timeToSteadyStateMs(List.of(10.0), SECOND));
        assertThrows(IllegalArgumentException.class, () -> ColdStarts.timeToSteadyStateMs(List.of(), Duration.ZERO));
    }

    @Test
    void assemblesFromWarmupAndMeasurementTimelines() {
        List<TimelinePoint> warmup = List.of(point(0, 30), point(1, 11));
        List<TimelinePoint> measurement = List.of(point(0, 10), point(1, 10));
        List<Double> p50 = ColdStarts.p50s(warmup, measurement);
        assertEquals(List.of(30.0, 11.0, 10.0, 10.0), p50);
        ColdStart c = ColdStarts.of(850.0, 45.0, p50, SECOND, 90_000_000L);
        assertEquals(new ColdStart(850.0, 45.0, 1000.0, 90_000_000L), c);
    }

    private static TimelinePoint point(double start, double p50) {
        return new TimelinePoint(start, start + 1, 100, 0, 100, p50, p50, p50, p50);
    }
}
