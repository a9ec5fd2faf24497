package io.inferbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.load.IntervalRecord;
import io.inferbench.result.StabilityResult;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StabilityTest {
    private static final long SECOND = 1_000_000_000L;

    /** One-second windows with the given queries and p99 (ms), then a short partial window. */
    private static List<IntervalRecord> timeline(double[] queries, double[] p99Ms) {
        List<IntervalRecord> out = new ArrayList<>();
        for (int i = 0; i < queries.length; i++) {
            out.add(window(i * SECOND, (i + 1) * SECOND, Math.round(queries[i]), p99Ms[i]));
        }
        // Cut short by the end of the phase: a throughput "drop" the rule must not see.
        long end = queries.length * SECOND;
        out.add(window(end, end + SECOND / 5, 20, p99Ms[p99Ms.length - 1]));
        return out;
    }

    private static IntervalRecord window(long start, long end, long queries, double p99Ms) {
        long p99 = Math.round(p99Ms * 1e6);
        return new IntervalRecord(start, end, queries, 0, p99 / 3, p99 / 2, p99, p99 * 2, p99 / 2.5);
    }

    @Test
    void steadySeriesIsStable() {
        SplittableRandom random = new SplittableRandom(7);
        double[] q = new double[10];
        double[] p99 = new double[10];
        for (int i = 0; i < q.length; i++) {
            q[i] = 1000 * (1 + 0.02 * (2 * random.nextDouble() - 1));
            p99[i] = 5 * (1 + 0.02 * (2 * random.nextDouble() - 1));
        }
        StabilityResult r = Stability.evaluate(timeline(q, p99), 3, 10, 99);
        assertTrue(r.stable(), r.detail());
        assertTrue(r.throughputSpreadPercent() <= 4 && r.latencySpreadPercent() <= 4, r.toString());
        assertTrue(r.detail().startsWith("last 3 windows within "), r.detail());
        assertEquals(3, r.windows());
        assertEquals(10, r.tolerancePercent());
        assertEquals(99, r.percentile());
        assertTrue(Stability.isStable(timeline(q, p99), 3, 10, 99));
    }

    @Test
    void detailNamesTheSpreadsAndTheLimit() {
        StabilityResult r = Stability.evaluate(timeline(new double[] {500, 100, 100, 106},
                new double[] {50, 10, 10, 10.6}), 3, 10, 99);
        // Mean 102: the largest deviation is 4/102 = 3.9% on both.
        assertEquals("last 3 windows within 3.9% on throughput and 3.9% on p99 (limit 10%)", r.detail());
        assertEquals(100.0 * 4 / 102, r.throughputSpreadPercent(), 1e-6);
        assertEquals(100.0 * 0.4 / 10.2, r.latencySpreadPercent(), 1e-3);
    }

    @Test
    void driftingThroughputIsRejected() {
        double[] q = new double[8];
        double[] p99 = new double[8];
        for (int i = 0; i < q.length; i++) {
            q[i] = 1000 * Math.pow(0.95, i);
            p99[i] = 5;
        }
        StabilityResult r = Stability.evaluate(timeline(q, p99), 5, 10, 99);
        assertFalse(r.stable(), r.detail());
        assertEquals(10.5, r.throughputSpreadPercent(), 0.1); // 1 vs the mean of 1, .95, ..., .95^4
        assertEquals(0, r.latencySpreadPercent(), 1e-9);
        assertTrue(r.detail().startsWith("last 5 windows differ by 10.5% on throughput"), r.detail());
        // The rule compares each window with the mean of K: 5% per window over 3 windows is only ±5.2%,
        // which 10% lets through; a slow drift needs a larger K or a tighter X.
        assertTrue(Stability.isStable(timeline(q, p99), 3, 10, 99));
        assertFalse(Stability.isStable(timeline(q, p99), 3, 5, 99));
    }

    @Test
    void latencyDriftIsRejectedOnTheChosenPercentile() {
        double[] q = {1000, 1000, 1000, 1000};
        double[] p99 = {5, 5, 6, 7};
        assertFalse(Stability.isStable(timeline(q, p99), 3, 10, 99));
        // p50 here is p99 / 3, so it drifts as much: still unstable.
        assertFalse(Stability.isStable(timeline(q, p99), 3, 10, 50));
    }

    @Test
    void tooFewFullWindowsAreRejected() {
        StabilityResult r = Stability.evaluate(timeline(new double[] {1000, 1000}, new double[] {5, 5}), 3, 10, 99);
        assertFalse(r.stable());
        assertEquals("only 2 full windows, need 3", r.detail());
        assertTrue(Double.isNaN(r.throughputSpreadPercent()));
        assertEquals("only 0 full windows, need 3", Stability.evaluate(List.of(), 3, 10, 90).detail());
    }

    @Test
    void aWindowWithoutQueriesIsRejected() {
        List<IntervalRecord> t = new ArrayList<>(timeline(new double[] {1000, 1000, 1000, 1000},
                new double[] {5, 5, 5, 5}));
        t.set(2, new IntervalRecord(2 * SECOND, 3 * SECOND, 0, 3, 0, 0, 0, 0, 0));
        StabilityResult r = Stability.evaluate(t, 3, 10, 99);
        assertFalse(r.stable());
        assertEquals("no query completed in 1 of the last 3 windows", r.detail());
        assertTrue(Double.isNaN(r.latencySpreadPercent()));
    }

    @Test
    void badArgumentsAreRejected() {
        List<IntervalRecord> t = timeline(new double[] {1000, 1000, 1000}, new double[] {5, 5, 5});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Stability.evaluate(t, 3, 10, 95));
        assertTrue(e.getMessage().contains("50, 90 or 99"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Stability.evaluate(t, 1, 10, 99));
        assertThrows(IllegalArgumentException.class, () -> Stability.evaluate(t, 3, 0, 99));
        assertThrows(IllegalArgumentException.class, () -> Stability.evaluate(t, 3, Double.NaN, 99));
    }
}
