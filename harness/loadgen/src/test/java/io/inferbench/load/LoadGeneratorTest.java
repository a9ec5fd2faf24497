package io.inferbench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {
    private static final long MS = 1_000_000L;

    private static LoadPlan plan(LoadProfile profile, Warmup warmup, long minMs, long minQueries) {
        return new LoadPlan(profile, warmup, Duration.ofMillis(minMs), minQueries, Duration.ofSeconds(30),
                Duration.ofMillis(100));
    }

    @Test
    void singleStreamRecordsEveryQueryAtItsTrueLatency() throws Exception {
        KnownLatencySystem sut = new KnownLatencySystem(2 * MS, 0, 8);
        LoadResult r = new LoadGenerator().run(plan(new LoadProfile.SingleStream(), new Warmup.Queries(5), 300, 50),
                sut, ProgressListener.NONE);
        PhaseRecording m = r.measurement();
        assertNull(r.abortReason());
        assertEquals(5, r.warmup().queries(), "warmup by count stops at exactly the count with one worker");
        assertEquals(5, r.warmup().histogram().getTotalCount());
        assertTrue(m.queries() >= 50, "min-queries met: " + m.queries());
        assertTrue(m.durationNanos() >= 300 * MS, "min-duration met: " + m.durationNanos());
        assertEquals(m.queries(), m.histogram().getTotalCount(), "every query is in the histogram");
        assertEquals(sut.issued.get(), r.warmup().queries() + m.queries(), "no query lost or double counted");
        // A query cannot be faster than its service time; HdrHistogram keeps 3 significant digits.
        assertTrue(m.histogram().getMinValue() >= 2 * MS * 0.999, "min " + m.histogram().getMinValue());
        assertTrue(m.histogram().getValueAtPercentile(50) < 20 * MS, "p50 far above the service time");
        // Samples are cycled: every sample used.
        assertTrue(Arrays.stream(sut.sampleHits).allMatch(h -> h > 0), Arrays.toString(sut.sampleHits));
    }

    @Test
    void timelineIntervalsAddUpToThePhase() throws Exception {
        KnownLatencySystem sut = new KnownLatencySystem(MS, 0, 4);
        List<ProgressListener.Progress> progress = new ArrayList<>();
        LoadResult r = new LoadGenerator().run(plan(new LoadProfile.SingleStream(), new Warmup.Time(Duration.ofMillis(200)),
                550, 1), sut, p -> {
                    synchronized (progress) {
                        progress.add(p);
                    }
                });
        PhaseRecording m = r.measurement();
        long sum = m.intervals().stream().mapToLong(IntervalRecord::queries).sum();
        assertEquals(m.histogram().getTotalCount(), sum);
        assertTrue(m.intervals().size() >= 6, "100 ms intervals over >= 550 ms: " + m.intervals().size());
        for (int i = 1; i < m.intervals().size(); i++) {
            assertEquals(m.intervals().get(i - 1).endNanos(), m.intervals().get(i).startNanos(), "contiguous");
        }
        assertTrue(r.warmup().queries() > 0);
        assertTrue(r.warmup().intervals().size() >= 2);
        assertTrue(progress.stream().anyMatch(p -> p.phase() == Phase.WARMUP));
        assertTrue(progress.stream().anyMatch(p -> p.phase() == Phase.MEASUREMENT));
    }

    @Test
    void concurrencyRunsWorkersInParallel() throws Exception {
        KnownLatencySystem sut = new KnownLatencySystem(10 * MS, 0, 16);
        LoadResult r = new LoadGenerator().run(plan(new LoadProfile.Concurrency(4), new Warmup.Queries(8), 500, 20),
                sut, ProgressListener.NONE);
        PhaseRecording m = r.measurement();
        double qps = m.queries() / (m.durationNanos() / 1e9);
        // Four workers at 10 ms each cannot exceed ~400 q/s, and clearly beat one worker's 100 q/s.
        assertTrue(qps <= 440, "qps " + qps);
        assertTrue(qps > 150, "qps " + qps + ": workers did not run in parallel");
        assertTrue(r.warmup().queries() >= 8);
    }

    @Test
    void errorsAreCountedNeverDropped() throws Exception {
        KnownLatencySystem sut = new KnownLatencySystem(MS / 2, 4, 4); // every 4th query throws
        LoadResult r = new LoadGenerator().run(plan(new LoadProfile.SingleStream(), new Warmup.Queries(0), 200, 100),
                sut, ProgressListener.NONE);
        PhaseRecording m = r.measurement();
        assertEquals(0, r.warmup().queries(), "warmup of 0 queries is skipped");
        assertTrue(m.errors() > 0);
        assertEquals(m.queries() - m.errors(), m.histogram().getTotalCount());
        assertEquals(sut.issued.get(), m.queries());
        assertEquals(m.queries() / 4, m.errors(), 1.0);
        assertNotNull(m.firstError());
        assertTrue(m.firstError().contains("planned failure"), m.firstError());
        long intervalErrors = m.intervals().stream().mapToLong(IntervalRecord::errors).sum();
        assertEquals(m.errors(), intervalErrors);
    }

    @Test
    void aRunWhoseQueriesAllFailIsAbortedQuickly() throws Exception {
        KnownLatencySystem sut = new KnownLatencySystem(0, 1, 4); // every query throws
        long t0 = System.nanoTime();
        LoadResult r = new LoadGenerator().run(plan(new LoadProfile.SingleStream(), new Warmup.Queries(0), 10_000, 100),
                sut, ProgressListener.NONE);
        assertNotNull(r.abortReason());
        assertTrue(r.abortReason().contains("all failed"), r.abortReason());
        assertTrue(System.nanoTime() - t0 < 5_000 * MS, "did not wait for min-duration");
    }

    @Test
    void aHungBackendIsReportedNotWaitedForForever() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        SystemUnderTest hung = new SystemUnderTest() {
            @Override
            public int sampleCount() {
                return 1;
            }

            @Override
            public int samplesPerQuery() {
                return 1;
            }

            @Override
            public QueryWorker worker(int index) {
                return sample -> never.await();
            }
        };
        LoadPlan p = new LoadPlan(new LoadProfile.SingleStream(), new Warmup.Queries(0), Duration.ofMillis(100), 1,
                Duration.ofMillis(200), Duration.ofMillis(100));
        LoadResult r = new LoadGenerator(Duration.ofMillis(300)).run(p, hung, ProgressListener.NONE);
        assertNotNull(r.abortReason());
        assertTrue(r.abortReason().contains("hung"), r.abortReason());
        assertEquals(0, r.measurement().queries());
    }

    @Test
    void aWorkerThatCannotStartAbortsTheRun() throws Exception {
        SystemUnderTest broken = new SystemUnderTest() {
            @Override
            public int sampleCount() {
                return 1;
            }

            @Override
            public int samplesPerQuery() {
                return 1;
            }

            @Override
            public QueryWorker worker(int index) throws Exception {
                throw new IllegalStateException("no runner for you");
            }
        };
        LoadResult r = new LoadGenerator().run(plan(new LoadProfile.Concurrency(2), new Warmup.Queries(1), 100, 1),
                broken, ProgressListener.NONE);
        assertNotNull(r.abortReason());
        assertTrue(r.abortReason().contains("no runner for you"), r.abortReason());
    }
}
