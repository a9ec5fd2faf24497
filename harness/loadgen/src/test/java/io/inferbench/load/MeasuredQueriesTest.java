package io.inferbench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The system under test is told of exactly the measured queries, with the latency the load
 * generator recorded: the histogram rebuilt from those calls is the measurement's.
 */
class MeasuredQueriesTest {
    private static final long MS = 1_000_000L;

    private static LoadPlan plan(LoadProfile p, Batching b) {
        return new LoadPlan(p, new Warmup.Queries(7), Duration.ofMillis(300), 40, Duration.ofSeconds(20),
                Duration.ofMillis(100), b);
    }

    private static void assertToldExactlyTheMeasurement(KnownLatencySystem sut, LoadResult r) {
        Histogram told = HistogramCodec.newHistogram();
        sut.measured.forEach(m -> told.recordValue(Math.max(1, m[2])));
        Histogram measured = r.measurement().histogram();
        assertTrue(r.warmup().queries() > 0, "a warmup ran (and must not be told)");
        assertEquals(measured.getTotalCount(), told.getTotalCount(), "one call per measured query, none for warmup");
        assertEquals(measured.getValueAtPercentile(50), told.getValueAtPercentile(50));
        assertEquals(measured.getMaxValue(), told.getMaxValue());
        sut.measured.forEach(m -> assertTrue(m[1] >= 0 && m[1] < sut.sampleCount(), "sample " + m[1]));
    }

    @Test
    void singleStreamTellsEachMeasuredQueryOnce() throws Exception {
        KnownLatencySystem sut = new KnownLatencySystem(MS, 0, 8);
        LoadResult r = new LoadGenerator().run(plan(new LoadProfile.SingleStream(), null), sut, ProgressListener.NONE);
        assertToldExactlyTheMeasurement(sut, r);
        sut.measured.forEach(m -> assertEquals(1, m[0]));
    }

    @Test
    void openLoopTellsLatencyFromTheScheduledTime() throws Exception {
        KnownLatencySystem sut = new KnownLatencySystem(MS, 0, 8);
        LoadProfile.Rate rate = new LoadProfile.Rate(300, Double.NaN, LoadProfile.Arrival.POISSON, 3, 2, 1000,
                Duration.ofMillis(1));
        LoadResult r = new LoadGenerator().run(plan(rate, null), sut, ProgressListener.NONE);
        assertToldExactlyTheMeasurement(sut, r);
    }

    @Test
    void closedLoopWithBatchingTellsTheBatchEachQueryRanIn() throws Exception {
        KnownLatencySystem sut = new KnownLatencySystem(2 * MS, 0, 8);
        sut.maxBatch = 4;
        LoadResult r = new LoadGenerator().run(plan(new LoadProfile.Concurrency(4),
                new Batching(4, Duration.ofMillis(5), 1)), sut, ProgressListener.NONE);
        assertToldExactlyTheMeasurement(sut, r);
        assertTrue(sut.measured.stream().anyMatch(m -> m[0] > 1), "some queries ran batched");
    }

    @Test
    void multiStreamTellsNothing() throws Exception {
        KnownLatencySystem sut = new KnownLatencySystem(MS, 0, 8);
        LoadResult r = new LoadGenerator().run(plan(new LoadProfile.MultiStream(3), null), sut, ProgressListener.NONE);
        assertTrue(r.measurement().queries() > 0);
        assertEquals(0, sut.measured.size(), "a multi-stream query's latency is a group's, not one sample's");
    }
}
