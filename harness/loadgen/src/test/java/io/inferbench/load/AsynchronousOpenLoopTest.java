package io.inferbench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An open loop over asynchronous workers keeps many queries in flight on one worker thread: the
 * dispatcher starts them and their completions (on another thread) are recorded. A synchronous
 * system with the same single worker can have only one query in flight at a time.
 */
class AsynchronousOpenLoopTest {
    private static final long MS = 1_000_000L;
    private final ScheduledExecutorService completer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-completer");
        t.setDaemon(true);
        return t;
    });

    @AfterEach
    void stop() {
        completer.shutdownNow();
    }

    /** Each query completes 20 ms after it started, on the completer's thread; counts queries outstanding. */
    private final class DelayedSystem implements SystemUnderTest {
        final boolean asynchronous;
        final AtomicInteger outstanding = new AtomicInteger();
        final AtomicInteger mostOutstanding = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();

        DelayedSystem(boolean asynchronous) {
            this.asynchronous = asynchronous;
        }

        @Override
        public int sampleCount() {
            return 4;
        }

        @Override
        public int samplesPerQuery() {
            return 1;
        }

        @Override
        public QueryWorker worker(int index) {
            return new QueryWorker() {
                @Override
                public void issue(int sample) throws Exception {
                    issueAsync(sample).toCompletableFuture().get();
                }

                @Override
                public boolean asynchronous() {
                    return asynchronous;
                }

                @Override
                public CompletionStage<?> issueAsync(int sample) {
                    mostOutstanding.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
                    CompletableFuture<Void> f = new CompletableFuture<>();
                    completer.schedule(() -> {
                        outstanding.decrementAndGet();
                        if (sample == 3) {
                            f.completeExceptionally(new IllegalStateException("sample 3 fails"));
                        } else {
                            f.complete(null);
                        }
                    }, 20, TimeUnit.MILLISECONDS);
                    return f;
                }
            };
        }
    }

    private static LoadPlan plan() {
        LoadProfile.Rate rate = new LoadProfile.Rate(500, Double.NaN, LoadProfile.Arrival.CONSTANT, 1, 1, 10_000,
                Duration.ofMillis(5));
        return new LoadPlan(rate, new Warmup.Queries(20), Duration.ofMillis(600), 100, Duration.ofSeconds(10),
                Duration.ofMillis(200), null);
    }

    @Test
    void asynchronousWorkersKeepManyQueriesInFlightOnOneWorker() throws Exception {
        DelayedSystem sut = new DelayedSystem(true);
        LoadResult r = new LoadGenerator().run(plan(), sut, ProgressListener.NONE);
        assertNull(r.abortReason());
        PhaseRecording m = r.measurement();
        // 500 q/s for 20 ms each: about 10 outstanding on the one worker.
        assertTrue(sut.mostOutstanding.get() >= 4, "outstanding at once: " + sut.mostOutstanding.get());
        assertTrue(m.queue().peakInFlight() >= 4, "peak in flight " + m.queue().peakInFlight());
        assertEquals(0, m.queue().dropped());
        assertEquals(m.queue().issued(), m.queries(), "every query started was completed and recorded");
        assertTrue(m.errors() > 0 && m.errors() < m.queries(), "failures of sample 3 counted: " + m.errors());
        assertTrue(m.histogram().getMinValue() >= 19 * MS, "latency from the scheduled time to completion");
    }

    @Test
    void synchronousWorkersRunOneQueryAtATimePerWorker() throws Exception {
        DelayedSystem sut = new DelayedSystem(false);
        LoadResult r = new LoadGenerator().run(plan(), sut, ProgressListener.NONE);
        assertEquals(1, sut.mostOutstanding.get(), "one worker thread, one query at a time");
        assertTrue(r.measurement().queue().peakInFlight() > 1, "the queue held the rest");
    }
}
