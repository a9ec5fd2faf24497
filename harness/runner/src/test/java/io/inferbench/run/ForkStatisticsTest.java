package io.inferbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.ForkVariation;
import io.inferbench.load.HistogramCodec;
import io.inferbench.api.Interval;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.TimelinePoint;
import io.inferbench.stats.ForkStatistics;
import io.inferbench.stats.LatencyStatistics;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** {@link ForkStatistics} on forks with known latencies. */
class ForkStatisticsTest {
    /**
     * A fork of {@code n} queries in one second each: half at {@code lowMs}, half at {@code highMs};
     * its timeline has {@code intervals} full intervals.
     */
    static PhaseResult fork(int n, double lowMs, double highMs, int errors, int intervals) {
        Histogram h = HistogramCodec.newHistogram();
        for (int i = 0; i < n - errors; i++) {
            h.recordValue(Math.round((i % 2 == 0 ? lowMs : highMs) * 1e6));
        }
        List<TimelinePoint> timeline = new ArrayList<>();
        for (int i = 0; i < intervals; i++) {
            timeline.add(new TimelinePoint(i, i + 1, n / intervals, 0, n / intervals, lowMs, highMs, highMs, highMs));
        }
        double durationMs = intervals * 1000.0;
        double qps = (n - errors) / (durationMs / 1000);
        return new PhaseResult(n, n - errors, errors, errors > 0 ? "boom" : null, durationMs, qps,
                new Interval(qps, qps, false), qps, LatencyStatistics.summarize(h), HistogramCodec.encode(h), timeline);
    }

    @Test
    void mergeAddsHistogramsAndCounts() {
        PhaseResult a = fork(1000, 1, 1, 0, 2);
        PhaseResult b = fork(3000, 3, 3, 10, 3);
        PhaseResult m = ForkStatistics.merge(List.of(a, b));
        assertEquals(4000, m.queries());
        assertEquals(10, m.errors());
        assertEquals("boom", m.firstError());
        assertEquals(3990, m.latency().count());
        assertEquals(5000, m.durationMs());
        assertEquals(3990 / 5.0, m.throughputQps(), 1e-9);
        // 1000 at 1 ms, 2990 at 3 ms: the median is 3 ms, the mean a weighted one.
        assertEquals(3, m.latency().valueMs(50), 0.01);
        assertEquals((1000 * 1 + 2990 * 3) / 3990.0, m.latency().meanMs(), 0.01);
        assertEquals(a.timeline(), m.timeline());
        assertTrue(m.throughputCi95Qps().bounded(), "five full intervals pooled");
        assertEquals(ForkStatistics.merge(List.of(a)).latency(), a.latency());
    }

    @Test
    void variationSeparatesBetweenAndWithinForks() {
        // Medians 1, 2 and 3 ms; within each fork latency is half x, half 1.5x (CV 20% of the mean).
        List<PhaseResult> forks = List.of(fork(1000, 1, 1.5, 0, 2), fork(1000, 2, 3, 0, 2), fork(1000, 3, 4.5, 0, 2));
        ForkVariation v = ForkStatistics.variation(forks);
        assertEquals(3, v.forks());
        assertEquals("p50 latency", v.metric());
        assertEquals(2, v.meanAcrossForksMs(), 0.01);
        // sd of {1, 2, 3} = 1; t(2, 0.975) = 4.303; half width 4.303 / sqrt(3) = 2.484
        assertEquals(2 - 2.484, v.ci95AcrossForksMs().low(), 0.01);
        assertEquals(2 + 2.484, v.ci95AcrossForksMs().high(), 0.01);
        assertEquals(50, v.betweenForkCvPercent(), 0.5);
        assertEquals(20, v.withinForkCvPercent(), 0.5);
        assertEquals(0, v.throughputBetweenForkCvPercent(), 1e-9);
        assertNull(ForkStatistics.variation(forks.subList(0, 1)), "one fork has no spread");
    }

    @Test
    void fewIntervalsLeaveThroughputUnbounded() {
        PhaseResult m = ForkStatistics.merge(List.of(fork(100, 1, 1, 0, 1), fork(100, 1, 1, 0, 1)));
        assertFalse(m.throughputCi95Qps().bounded());
        assertEquals(m.throughputQps(), m.throughputCi95Qps().low());
    }
}
