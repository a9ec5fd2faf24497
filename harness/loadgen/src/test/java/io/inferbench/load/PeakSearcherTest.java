package io.inferbench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The search logic against a model system whose latency is a known function of the load. */
class PeakSearcherTest {
    private static final LoadProfile.Rate TEMPLATE = new LoadProfile.Rate(1, Double.NaN, LoadProfile.Arrival.POISSON,
            1, 1, 1000, Duration.ofMillis(1));

    /** A fake probe: latency 10 ms below {@code knee} q/s, 100 ms above; throughput as offered. */
    private static LoadResult fakeProbe(LoadProfile p, double knee, List<Double> tried) {
        double load = p instanceof LoadProfile.Rate r ? r.qps() : ((LoadProfile.Concurrency) p).clients();
        tried.add(load);
        Histogram h = HistogramCodec.newHistogram();
        long latency = load <= knee ? 10_000_000L : 100_000_000L;
        long n = 1000;
        for (int i = 0; i < n; i++) {
            h.recordValue(latency);
        }
        long durationNanos = (long) (n / load * 1e9);
        PhaseRecording m = new PhaseRecording(Phase.MEASUREMENT, h, List.of(), n, 0, null, durationNanos, null);
        return new LoadResult(PhaseRecording.empty(Phase.WARMUP), m, 1, null);
    }

    @Test
    void bracketsByDoublingThenBisectsToThePrecision() throws Exception {
        List<Double> tried = new ArrayList<>();
        var spec = new LoadProfile.PeakSearch(LoadProfile.Searched.RATE, 99, Duration.ofMillis(50), 10, 10_000, 0.02,
                30, TEMPLATE);
        PeakSearcher.Outcome o = PeakSearcher.search(spec, p -> fakeProbe(p, 237, tried));
        assertTrue(o.found());
        assertTrue(o.peak() <= 237 && o.peak() >= 237 / 1.02, "peak " + o.peak() + " within 2% below the knee");
        assertEquals(List.of(10.0, 20.0, 40.0, 80.0, 160.0, 320.0), tried.subList(0, 6), "doubling first");
        assertEquals(o.probes().size(), tried.size(), "every probe kept");
        assertTrue(o.probes().stream().filter(p -> !p.meetsSlo()).allMatch(p -> p.why().contains("exceeds the SLO")));
    }

    @Test
    void concurrencySearchStaysOnWholeNumbers() throws Exception {
        List<Double> tried = new ArrayList<>();
        var spec = new LoadProfile.PeakSearch(LoadProfile.Searched.CONCURRENCY, 90, Duration.ofMillis(50), 1, 64, 0.01,
                30, null);
        PeakSearcher.Outcome o = PeakSearcher.search(spec, p -> fakeProbe(p, 13, tried));
        assertEquals(13, o.peak());
        assertTrue(tried.stream().allMatch(d -> d == Math.rint(d)), tried.toString());
    }

    @Test
    void aStartAboveTheKneeHalvesDownAndAnImpossibleSloFindsNothing() throws Exception {
        List<Double> tried = new ArrayList<>();
        var spec = new LoadProfile.PeakSearch(LoadProfile.Searched.RATE, 99, Duration.ofMillis(50), 100, 1000, 0.05,
                30, TEMPLATE);
        PeakSearcher.Outcome o = PeakSearcher.search(spec, p -> fakeProbe(p, 30, tried));
        assertTrue(o.found());
        assertTrue(o.peak() <= 30 && o.peak() >= 30 / 1.05, "peak " + o.peak());

        var impossible = new LoadProfile.PeakSearch(LoadProfile.Searched.RATE, 99, Duration.ofMillis(1), 10, 100, 0.05,
                30, TEMPLATE);
        PeakSearcher.Outcome none = PeakSearcher.search(impossible, p -> fakeProbe(p, 1e9, new ArrayList<>()));
        assertFalse(none.found());
        assertTrue(Double.isNaN(none.peak()));
    }

    @Test
    void reachingTheMaximumWithinTheSloEndsTheSearch() throws Exception {
        List<Double> tried = new ArrayList<>();
        var spec = new LoadProfile.PeakSearch(LoadProfile.Searched.RATE, 99, Duration.ofMillis(50), 10, 50, 0.05, 30,
                TEMPLATE);
        PeakSearcher.Outcome o = PeakSearcher.search(spec, p -> fakeProbe(p, 1e9, tried));
        assertEquals(50, o.peak());
        assertEquals(List.of(10.0, 20.0, 40.0, 50.0), tried);
    }
}
