package io.inferbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Directions, change measures, default thresholds, and the worse-is-positive convention. */
class MetricKindTest {
    @Test
    void directionsMeasuresAndDefaultThresholds() {
        assertEquals(Direction.LOWER_IS_BETTER, MetricKind.P50.direction());
        assertEquals(Direction.LOWER_IS_BETTER, MetricKind.P99.direction());
        assertEquals(Direction.HIGHER_IS_BETTER, MetricKind.THROUGHPUT.direction());
        assertEquals(Direction.HIGHER_IS_BETTER, MetricKind.ACCURACY.direction());
        assertEquals(Direction.LOWER_IS_BETTER, MetricKind.PEAK_RSS.direction());
        assertEquals(Direction.LOWER_IS_BETTER, MetricKind.ENERGY_PER_INFERENCE.direction());
        for (MetricKind kind : MetricKind.values()) {
            assertEquals(kind == MetricKind.ACCURACY ? ChangeScale.POINTS : ChangeScale.RATIO, kind.scale(), kind.label());
        }
        assertEquals(0.05, MetricKind.P50.defaultThreshold());
        assertEquals(0.05, MetricKind.P99.defaultThreshold());
        assertEquals(0.05, MetricKind.THROUGHPUT.defaultThreshold());
        assertEquals(1.0, MetricKind.ACCURACY.defaultThreshold());
        assertEquals(0.10, MetricKind.PEAK_RSS.defaultThreshold());
        assertEquals(0.10, MetricKind.ENERGY_PER_INFERENCE.defaultThreshold());
    }

    @Test
    void worseIsPositiveWhicheverWayTheMetricPoints() {
        // Latency 10% longer, throughput 10% lower, accuracy 2 points lower: all "10% / 2 points worse".
        assertEquals(0.10, MetricKind.P50.worseChange(Math.log(1.10)), 1e-12);
        assertEquals(0.10, MetricKind.THROUGHPUT.worseChange(Math.log(0.90)), 1e-12);
        assertEquals(2.0, MetricKind.ACCURACY.worseChange(-2.0), 1e-12);
        // And better is negative: latency 5% shorter, throughput 5% higher.
        assertEquals(-0.05, MetricKind.P99.worseChange(Math.log(0.95)), 1e-12);
        assertEquals(-0.05, MetricKind.THROUGHPUT.worseChange(Math.log(1.05)), 1e-12);
    }

    @Test
    void worseDeltaInvertsWorseChange() {
        for (MetricKind kind : MetricKind.values()) {
            for (double change : new double[] {-0.2, 0.0, 0.05, 0.3}) {
                double delta = kind.direction().worseSign() * kind.worseDelta(change);
                assertEquals(change, kind.worseChange(delta), 1e-12, kind.label() + " " + change);
            }
        }
        assertEquals(Math.log(1.05), MetricKind.P50.worseDelta(0.05), 1e-12);
        assertEquals(-Math.log(0.95), MetricKind.THROUGHPUT.worseDelta(0.05), 1e-12);
    }

    @Test
    void scalesTransformAndName() {
        assertEquals(Math.log(2), ChangeScale.RATIO.transform(2), 1e-15);
        assertEquals(1.5, ChangeScale.RATIO.change(Math.log(1.5)), 1e-12);
        assertEquals(93.0, ChangeScale.POINTS.transform(0.93), 1e-12);
        assertEquals(0.93, ChangeScale.POINTS.untransform(93.0), 1e-12);
        assertEquals(-1.5, ChangeScale.POINTS.change(-1.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChangeScale.RATIO.transform(0));
        assertEquals("a ratio metric's value must be positive and finite, got 0.0", e.getMessage());
    }
}
