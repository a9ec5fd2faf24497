package io.inferbench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QueryTraceTest {
    private static final long MS = 1_000_000L;

    private static LoadPlan plan(LoadProfile profile, long minMs, long minQueries) {
        return new LoadPlan(profile, new Warmup.Queries(7), Duration.ofMillis(minMs), minQueries,
                Duration.ofSeconds(30), Duration.ofMillis(100)).withTrace(true);
    }

    /** Rows of each phase match the phase's query count, and every row is scheduled <= start <= end. */
    private static void assertTraceMatches(LoadResult r) {
        QueryTrace t = r.trace();
        assertNotNull(t, "the plan asked for a trace");
        long warmup = 0;
        long measured = 0;
        long failed = 0;
        for (int i = 0; i < t.size(); i++) {
            assertTrue(t.written(i), "row " + i + " written");
            assertTrue(t.scheduledEpochNanos(i) <= t.startEpochNanos(i), "scheduled <= start at row " + i);
            assertTrue(t.startEpochNanos(i) <= t.endEpochNanos(i), "start <= end at row " + i);
            if (t.phase(i) == Phase.WARMUP) {
                warmup++;
            } else {
                measured++;
            }
            failed += t.ok(i) ? 0 : 1;
        }
        assertEquals(r.warmup().queries(), warmup, "warmup rows");
        assertEquals(r.measurement().queries(), measured, "measurement rows");
        assertEquals(r.warmup().errors() + r.measurement().errors(), failed, "failed rows");
        assertEquals(0, t.dropped());
    }

    @Test
    void closedLoopTracesEveryQueryOfBothPhases() throws Exception {
        KnownLatencySystem sut = new KnownLatencySystem(MS, 9, 4);
        LoadResult r = new LoadGenerator().run(plan(new LoadProfile.Concurrency(2), 200, 40), sut,
                ProgressListener.NONE);
        assertTraceMatches(r);
        assertTrue(r.measurement().errors() > 0, "planned failures are traced too");
    }

    @Test
    void openLoopTracesTheScheduledTimeBeforeTheStart() throws Exception {
        KnownLatencySystem sut = new KnownLatencySystem(MS, 0, 4);
        LoadProfile.Rate rate = new LoadProfile.Rate(300, Double.NaN, LoadProfile.Arrival.POISSON, 3, 2, 1000,
                Duration.ofMillis(1));
        LoadResult r = new LoadGenerator().run(plan(rate, 300, 20), sut, ProgressListener.NONE);
        assertTraceMatches(r);
        QueryTrace t = r.trace();
        long later = 0;
        for (int i = 0; i < t.size(); i++) {
            later += t.scheduledEpochNanos(i) < t.startEpochNanos(i) ? 1 : 0;
        }
        assertTrue(later > 0, "a queued query starts after it was due");
    }

    @Test
    void noTraceUnlessAsked() throws Exception {
        LoadResult r = new LoadGenerator().run(plan(new LoadProfile.SingleStream(), 50, 5).withTrace(false),
                new KnownLatencySystem(MS, 0, 2), ProgressListener.NONE);
        assertNull(r.trace());
    }

    @Test
    void rowsSpanChunksWithoutLoss() {
        QueryTrace t = new QueryTrace();
        int n = QueryTrace.CHUNK * 2 + 5;
        for (int i = 0; i < n; i++) {
            t.record(Phase.MEASUREMENT, 1, i, i, i + 1, i + 2, true);
        }
        assertEquals(n, t.size());
        int last = n - 1;
        assertEquals(last, t.sample(last));
        assertEquals(2, t.endEpochNanos(last) - t.scheduledEpochNanos(last));
    }

    /**
     * What tracing costs a query: a null SUT (no work) single-stream, off and on. Printed for the
     * README's figures, not asserted (no timing assertions).
     */
    @Test
    void printsTheCostOfTracing() throws Exception {
        KnownLatencySystem sut = new KnownLatencySystem(0, 0, 8);
        for (int round = 0; round < 2; round++) {
            for (boolean on : new boolean[]{false, true}) {
                LoadResult r = new LoadGenerator().run(plan(new LoadProfile.SingleStream(), 300, 1).withTrace(on),
                        sut, ProgressListener.NONE);
                double nsPerQuery = r.measurement().durationNanos() / (double) r.measurement().queries();
                if (round == 1) {
                    System.out.printf("query trace %s: %.0f ns per query (null SUT, single-stream, %d queries)%n",
                            on ? "on " : "off", nsPerQuery, r.measurement().queries());
                }
            }
        }
    }
}
