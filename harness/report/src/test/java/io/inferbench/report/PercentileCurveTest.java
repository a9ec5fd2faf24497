package io.inferbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.load.HistogramCodec;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PercentileCurveTest {
    @Test
    void logAxisSpacesNinesEvenly() {
        assertEquals(0, PercentileCurve.position(0), 1e-12);
        assertEquals(1, PercentileCurve.position(90), 1e-12);
        assertEquals(3, PercentileCurve.position(99.9), 1e-9);
        assertEquals(List.of("0%", "90%", "99%", "99.9%", "99.99%", "99.999%"),
                List.of(0, 1, 2, 3, 4, 5).stream().map(PercentileCurve::tickLabel).toList());
    }

    @Test
    void curveFollowsTheHistogramInMillisecondsAndStopsBefore100Percent() {
        Histogram h = HistogramCodec.newHistogram();
        for (int i = 1; i <= 10_000; i++) {
            h.recordValue(i * 1_000L); // 1 µs .. 10 ms, uniform
        }
        PercentileCurve curve = PercentileCurve.decode(HistogramCodec.encode(h));
        assertEquals(10_000, curve.count());
        assertEquals(4, curve.decades());
        List<PercentileCurve.Point> points = curve.points();
        assertEquals(0, points.get(0).percentile(), 1e-9);
        assertTrue(points.stream().allMatch(p -> p.percentile() < 100));
        PercentileCurve.Point median = points.stream().filter(p -> p.percentile() == 50.0).findFirst().orElseThrow();
        assertEquals(5.0, median.ms(), 0.01);
        for (int i = 1; i < points.size(); i++) {
            assertTrue(points.get(i).ms() >= points.get(i - 1).ms(), "latency never falls with the percentile");
        }
    }

    @Test
    void emptyOrMissingHistogramGivesNoPoints() {
        assertTrue(PercentileCurve.decode(null).points().isEmpty());
        assertEquals(0, PercentileCurve.decode("").decades());
    }
}
