package io.inferbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.api.Interval;
import io.inferbench.load.HistogramCodec;
import io.inferbench.result.ComparisonResult;
import io.inferbench.result.ResultJson;
import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The difference of medians in milliseconds, with its bootstrap interval: what a served row adds
 * to its in-process twin. A constant 3 ms added to every query is found as 3 ms, its interval
 * holding 3 and not 0; equal distributions give an interval around 0. Results written before the
 * difference existed read back with NaN and no interval.
 */
class ComparisonDifferenceTest {
    private static LatencySample sample(String id, double medianNanos, double addNanos, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Histogram h = HistogramCodec.newHistogram();
        for (int i = 0; i < n; i++) {
            h.recordValue(Math.round(medianNanos * Math.exp(0.3 * random.nextGaussian()) + addNanos));
        }
        return new LatencySample(id, "", h, List.of());
    }

    @Test
    void aConstantOverheadIsFoundInMilliseconds() {
        ComparisonResult r = Comparison.compare(sample("served", 4e6, 3e6, 4_000, 1), sample("in-process", 4e6, 0,
                4_000, 2), ComparisonOptions.defaults());
        assertEquals(3.0, r.differenceMs(), 0.2, "p50 difference");
        Interval ci = r.differenceCi95Ms();
        assertTrue(ci.low() < 3.0 && ci.high() > 3.0 && ci.low() > 0, "95% interval " + ci);
        assertTrue(ci.low() <= r.differenceMs() && r.differenceMs() <= ci.high(), "the estimate inside its interval");
    }

    @Test
    void equalDistributionsGiveAnIntervalAroundZero() {
        ComparisonResult r = Comparison.compare(sample("a", 2e6, 0, 4_000, 3), sample("b", 2e6, 0, 4_000, 4),
                ComparisonOptions.defaults());
        assertTrue(r.differenceCi95Ms().low() < 0 && r.differenceCi95Ms().high() > 0, r.differenceCi95Ms().toString());
    }

    @Test
    void theMeanMetricGivesTheDifferenceOfMeans() {
        LatencySample a = sample("a", 2e6, 1e6, 4_000, 5);
        LatencySample b = sample("b", 2e6, 0, 4_000, 6);
        ComparisonResult r = Comparison.compare(a, b, ComparisonOptions.defaults().withMetric(LocationMetric.MEAN));
        assertEquals((a.all().getMean() - b.all().getMean()) / 1e6, r.differenceMs(), 1e-3);
    }

    @Test
    void theDifferenceRoundTripsAndOldResultsReadWithout() throws Exception {
        ComparisonResult r = Comparison.compare(sample("a", 2e6, 1e6, 500, 7), sample("b", 2e6, 0, 500, 8),
                ComparisonOptions.defaults());
        String json = ResultJson.mapper().writeValueAsString(r);
        assertEquals(r, ResultJson.mapper().readValue(json, ComparisonResult.class));
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) ResultJson.mapper().readTree(json);
        tree.remove("differenceMs");
        tree.remove("differenceCi95Ms");
        ComparisonResult old = ResultJson.mapper().treeToValue(tree, ComparisonResult.class);
        assertNull(old.differenceCi95Ms());
        assertTrue(Double.isNaN(old.differenceMs()), "absent, not a measured 0");
        assertEquals(r.ratio(), old.ratio());
    }
}
