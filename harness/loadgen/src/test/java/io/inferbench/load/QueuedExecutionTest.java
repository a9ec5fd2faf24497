package io.inferbench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QueuedExecutionTest {
    private static final long MS = 1_000_000L;

    private static LoadProfile.Rate rate(double qps, int workers, int cap) {
        return new LoadProfile.Rate(qps, Double.NaN, LoadProfile.Arrival.POISSON, 11, workers, cap,
                Duration.ofMillis(1));
    }

    private static LoadPlan plan(LoadProfile p, long minMs, long minQueries, Batching b) {
        return new LoadPlan(p, new Warmup.Time(Duration.ofMillis(200)), Duration.ofMillis(minMs), minQueries,
                Duration.ofSeconds(20), Duration.ofMillis(250), b);
    }

    @Test
    void openLoopHoldsItsRateAndReportsSchedulingLag() throws Exception {
        KnownLatencySystem sut = new KnownLatencySystem(MS, 0, 8);
        LoadResult r = new LoadGenerator().run(plan(rate(400, 2, 1000), 2000, 100, null), sut, ProgressListener.NONE);
        PhaseRecording m = r.measurement();
        assertNull(r.abortReason());
        QueueRecording q = m.queue();
        assertNotNull(q);
        assertEquals(0, q.dropped());
        assertEquals(q.issued(), m.queries(), "every issued query completed and was measured");
        double achieved = m.queries() / (m.durationNanos() / 1e9);
        assertEquals(400, achieved, 400 * 0.1, "achieved rate near the target (Poisson noise over ~800 arrivals)");
        assertTrue(q.lag().getTotalCount() == q.issued());
        // Latency is measured from the scheduled time: never below the 1 ms service time.
        assertTrue(m.histogram().getMinValue() >= MS * 0.999);
        assertTrue(r.warmup().queries() > 0, "the warmup ran on the same schedule");
    }

    @Test
    void aStallShowsInTheOpenLoopTailButHidesInAClosedLoop() throws Exception {
        long second = 1_000_000_000L;
        // A 1 s stall every 10 s; 2 ms service; 100 q/s offered. Measure 20 s: two stalls.
        LoadPlan open = new LoadPlan(rate(100, 1, 100_000), new Warmup.Queries(0), Duration.ofSeconds(20), 1,
                Duration.ofSeconds(30), Duration.ofSeconds(1), null);
        LoadResult o = new LoadGenerator().run(open, new StallingSystem(2 * MS, 10 * second, second),
                ProgressListener.NONE);
        LoadPlan closed = new LoadPlan(new LoadProfile.SingleStream(), new Warmup.Queries(0), Duration.ofSeconds(20),
                1, Duration.ofSeconds(30), Duration.ofSeconds(1), null);
        LoadResult c = new LoadGenerator().run(closed, new StallingSystem(2 * MS, 10 * second, second),
                ProgressListener.NONE);

        var openH = o.measurement().histogram();
        var closedH = c.measurement().histogram();
        // Open loop: ~10% of arrivals land in a stall and wait up to 1 s, so p99 is most of the stall.
        assertTrue(openH.getValueAtPercentile(99) > 0.7 * second, "open p99 " + openH.getValueAtPercentile(99));
        assertTrue(openH.getMaxValue() > 0.9 * second && openH.getMaxValue() < 1.2 * second, "open max");
        // Closed loop: one query per stall waits; p99 stays at the service time.
        assertTrue(closedH.getValueAtPercentile(99) < 20 * MS, "closed p99 " + closedH.getValueAtPercentile(99));
        assertTrue(closedH.getMaxValue() > 0.5 * second, "the stall itself is still the closed loop's max");
    }

    @Test
    void theInFlightCapMarksAnOverloadedRunInsteadOfSlowingTheSchedule() throws Exception {
        KnownLatencySystem slow = new KnownLatencySystem(20 * MS, 0, 4); // 50 q/s capacity
        LoadResult r = new LoadGenerator().run(plan(rate(500, 1, 50), 2000, 10, null), slow, ProgressListener.NONE);
        QueueRecording w = r.warmup().queue();
        QueueRecording m = r.measurement().queue();
        boolean overloaded = (w != null && w.overloaded()) || (m != null && m.overloaded());
        assertTrue(overloaded, "500 q/s into a 50 q/s system must hit the cap of 50 in flight");
    }

    @Test
    void dynamicBatchingFormsBatchesAndCountsQueueingInLatency() throws Exception {
        KnownLatencySystem sut = new KnownLatencySystem(5 * MS, 0, 8);
        sut.maxBatch = 8;
        Batching b = new Batching(8, Duration.ofMillis(2), 1);
        LoadResult r = new LoadGenerator().run(plan(new LoadProfile.Concurrency(8), 1000, 50, b), sut,
                ProgressListener.NONE);
        QueueRecording q = r.measurement().queue();
        assertNotNull(q);
        double mean = q.batchSizes().entrySet().stream().mapToDouble(e -> e.getKey() * e.getValue()).sum()
                / q.batchSizes().values().stream().mapToLong(Long::longValue).sum();
        assertTrue(mean > 4, "8 clients against one batching instance should form big batches: " + q.batchSizes());
        double qps = r.measurement().queries() / (r.measurement().durationNanos() / 1e9);
        assertTrue(qps > 400, "batches of ~8 every ~5 ms exceed one query per 5 ms by far: " + qps);
        assertTrue(r.measurement().histogram().getMinValue() >= 5 * MS * 0.999, "latency includes the inference");
    }

    @Test
    void batchingMoreThanTheSystemCanIsRejected() {
        KnownLatencySystem sut = new KnownLatencySystem(MS, 0, 4);
        Batching b = new Batching(4, Duration.ofMillis(1), 1);
        assertThrows(IllegalArgumentException.class, () -> new LoadGenerator().run(
                plan(new LoadProfile.Concurrency(2), 100, 1, b), sut, ProgressListener.NONE));
    }

    @Test
    void multiStreamRecordsTheSlowestOfEachQuerysSamples() throws Exception {
        KnownLatencySystem sut = new KnownLatencySystem(3 * MS, 0, 16);
        LoadResult r = new LoadGenerator().run(plan(new LoadProfile.MultiStream(4), 500, 20, null), sut,
                ProgressListener.NONE);
        PhaseRecording m = r.measurement();
        assertEquals(m.queries() * 4, m.queue().issued(), "4 samples queued per query");
        assertTrue(m.histogram().getMinValue() >= 3 * MS * 0.999);
        assertTrue(m.histogram().getValueAtPercentile(50) < 30 * MS, "4 samples run in parallel, not in series");
    }

    @Test
    void offlineKeepsEveryWorkerBusyAndRecordsServiceTime() throws Exception {
        KnownLatencySystem sut = new KnownLatencySystem(4 * MS, 0, 16);
        LoadResult r = new LoadGenerator().run(plan(new LoadProfile.Offline(2), 1000, 50, null), sut,
                ProgressListener.NONE);
        PhaseRecording m = r.measurement();
        double qps = m.queries() / (m.durationNanos() / 1e9);
        assertTrue(qps > 350 && qps <= 520, "two busy workers at 4 ms give ~500 q/s: " + qps);
        // Service time, not time in the queue: close to the 4 ms.
        assertTrue(m.histogram().getValueAtPercentile(50) < 8 * MS, "p50 " + m.histogram().getValueAtPercentile(50));
    }
}
