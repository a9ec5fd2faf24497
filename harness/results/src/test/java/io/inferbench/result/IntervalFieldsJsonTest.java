package io.inferbench.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.inferbench.api.Interval;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The interval fields added to resources, phases and peak searches: they round-trip through
 * {@link ResultJson}, and results written before them still read (estimates absent, the derived
 * intervals worked out from what the old result holds).
 */
class IntervalFieldsJsonTest {
    @Test
    void estimatesRoundTrip() throws IOException {
        ResourceEstimates e = new ResourceEstimates(2,
                Estimate.of(101, new Interval(95, 107, true), 2, "forks"), null,
                Estimate.of(4e8, new Interval(3.9e8, 4.1e8, true), 2, "forks"),
                Estimate.without(4.2e8, 1, "processes", Estimate.SINGLE), null,
                Estimate.without(120, 1, "runs", Estimate.SINGLE), null, null);
        ResourcesResult r = new ResourcesResult(120, null, null, e);
        assertEquals(r, ResultJson.mapper().readValue(ResultJson.mapper().writeValueAsString(r), ResourcesResult.class));
    }

    @Test
    void aResourcesResultWrittenBeforeEstimatesReadsWithoutThem() throws IOException {
        ResourcesResult old = ResultJson.mapper().readValue("""
                { "loadTimeMs" : 12.5, "coldStart" : null, "utilization" : null }
                """, ResourcesResult.class);
        assertEquals(new ResourcesResult(12.5, null, null), old);
        assertNull(old.estimates());
    }

    @Test
    void samplesPerSecondGetTheThroughputsIntervalScaledByTheBatch() throws IOException {
        PhaseResult p = new PhaseResult(100, 400, 0, null, 1000, 100, new Interval(90, 110, true), 400, null, null,
                List.of());
        assertEquals(new Interval(360, 440, true), p.samplesPerSecondCi95());
        assertEquals(p, ResultJson.mapper().readValue(ResultJson.mapper().writeValueAsString(p), PhaseResult.class));
        PhaseResult old = ResultJson.mapper().readValue("""
                { "queries" : 100, "samples" : 400, "errors" : 0, "durationMs" : 1000, "throughputQps" : 100,
                  "throughputCi95Qps" : { "low" : 90, "high" : 110, "bounded" : true }, "samplesPerSecond" : 400 }
                """, PhaseResult.class);
        assertEquals(new Interval(360, 440, true), old.samplesPerSecondCi95(), "derived for an old result");
        PhaseResult few = new PhaseResult(3, 3, 0, null, 1000, 3, new Interval(3, 3, false), 3, null, null, List.of());
        assertEquals(new Interval(3, 3, false), few.samplesPerSecondCi95(), "unbounded stays unbounded");
    }

    @Test
    void thePeakSearchsBracketIsTheHighestPassAndTheLowestFailAboveIt() throws IOException {
        PeakSearchResult p = new PeakSearchResult("rate", 99, 50, true, 150,
                List.of(probe(50, true), probe(100, true), probe(200, false), probe(150, true), probe(175, false),
                        probe(40, false)));
        assertEquals(new Interval(150, 175, true), p.bracket());
        assertEquals(p, ResultJson.mapper().readValue(ResultJson.mapper().writeValueAsString(p),
                PeakSearchResult.class));
        PeakSearchResult atMax = new PeakSearchResult("rate", 99, 50, true, 400,
                List.of(probe(100, true), probe(400, true)));
        assertEquals(new Interval(400, 400, false), atMax.bracket(), "no failure above: open on the high side");
        PeakSearchResult none = new PeakSearchResult("rate", 99, 50, false, Double.NaN,
                List.of(probe(10, false), probe(5, false)));
        assertEquals(new Interval(0, 5, false), none.bracket(), "no pass: open on the low side");
        PeakSearchResult old = ResultJson.mapper().readValue("""
                { "searched" : "rate", "percentile" : 99, "sloMs" : 50, "found" : true, "peak" : 100,
                  "probes" : [ { "load" : 100, "meetsSlo" : true, "latencyMs" : 20, "throughputQps" : 100 },
                               { "load" : 200, "meetsSlo" : false, "latencyMs" : 90, "throughputQps" : 150 } ] }
                """, PeakSearchResult.class);
        assertEquals(new Interval(100, 200, true), old.bracket(), "derived for an old result");
    }

    private static PeakSearchResult.Probe probe(double load, boolean meets) {
        return new PeakSearchResult.Probe(load, meets, 10, load, null);
    }
}
