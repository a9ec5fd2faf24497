package io.inferbench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives a {@link SystemUnderTest} with a closed-loop profile (single-stream or N workers):
 * warmup, then measurement until both minimums are met (or the maximum duration), recording every
 * query's latency. Each query is timed on its own worker thread with {@code System.nanoTime()}
 * around the {@link SystemUnderTest.QueryWorker#issue} call and nothing else inside.
 *
 * <p>Threads: one per worker plus one timeline thread that wakes once per interval. The calling
 * thread only waits.
 */
public final class LoadGenerator {
    /** How long a worker may overrun the maximum duration before it is declared hung. */
    static final Duration HANG_GRACE = Duration.ofSeconds(30);
    /** A run in which the first this-many queries all failed is aborted: it would measure nothing. */
    static final int ALL_FAILED_ABORT = 10;

    private final Duration hangGrace;

    public LoadGenerator() {
        this(HANG_GRACE);
    }

    LoadGenerator(Duration hangGrace) {
        this.hangGrace = hangGrace;
    }

    public LoadResult run(LoadPlan plan, SystemUnderTest sut, ProgressListener listener) throws InterruptedException {
        return new Execution(plan, sut, listener).run();
    }

    /** State of one run. */
    private final class Execution {
        private final LoadPlan plan;
        private final SystemUnderTest sut;
        private final ProgressListener listener;
        private final PhaseRecorder warmup = new PhaseRecorder(Phase.WARMUP);
        private final PhaseRecorder measurement = new PhaseRecorder(Phase.MEASUREMENT);
        private final AtomicReference<PhaseRecorder> current = new AtomicReference<>();
        private final AtomicLong cursor = new AtomicLong();
        private final AtomicReference<String> abortReason = new AtomicReference<>();
        private final int sampleCount;
        private volatile boolean stop;
        private volatile boolean workersDone;
        private Thread timeline;

        Execution(LoadPlan plan, SystemUnderTest sut, ProgressListener listener) {
            this.plan = plan;
            this.sut = sut;
            this.listener = listener;
            this.sampleCount = sut.sampleCount();
            if (sampleCount < 1) {
                throw new IllegalArgumentException("the system under test has no samples");
            }
        }

        LoadResult run() throws InterruptedException {
            int n = plan.profile().workers();
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            CountDownLatch finished = new CountDownLatch(n);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Thread t = new Thread(() -> work(index, ready, go, finished), "inferbench-worker-" + i);
                t.setDaemon(true); // a hung backend must not keep the JVM alive
                threads.add(t);
                t.start();
            }
            ready.await();
            if (abortReason.get() != null) {
                stop = true;
            }
            long start = System.nanoTime();
            warmup.start(start);
            boolean skipWarmup = plan.warmup() instanceof Warmup.Queries q && q.count() == 0
                    || plan.warmup() instanceof Warmup.Time t && t.duration().isZero();
            if (skipWarmup) {
                measurement.start(start);
                current.set(measurement);
            } else {
                current.set(warmup);
            }
            timeline = new Thread(this::timeline, "inferbench-timeline");
            timeline.setDaemon(true);
            timeline.start();
            go.countDown();
            awaitWorkers(finished);
            workersDone = true;
            LockSupport.unpark(timeline);
            timeline.join();
            PhaseRecording w = skipWarmup ? new PhaseRecording(Phase.WARMUP, io.inferbench.result.HistogramCodec
                    .newHistogram(), List.of(), 0, 0, null, 0) : warmup.finish();
            return new LoadResult(w, measurement.finish(), sut.samplesPerQuery(), abortReason.get());
        }

        private void awaitWorkers(CountDownLatch finished) throws InterruptedException {
            // Bound: warmup (by time, or at most the max duration when by count) + max duration + grace.
            Duration warm = plan.warmup() instanceof Warmup.Time t ? t.duration() : plan.maxDuration();
            long limitNanos = warm.plus(plan.maxDuration()).plus(hangGrace).toNanos();
            if (!finished.await(limitNanos, TimeUnit.NANOSECONDS)) {
                stop = true;
                if (!finished.await(hangGrace.toNanos(), TimeUnit.NANOSECONDS)) {
                    abortReason.compareAndSet(null, "a query did not return within " + hangGrace.toSeconds()
                            + " s after the maximum duration: the backend hung");
                }
            }
        }

        private void work(int index, CountDownLatch ready, CountDownLatch go, CountDownLatch finished) {
            try {
                SystemUnderTest.QueryWorker worker;
                try {
                    worker = sut.worker(index);
                } catch (Exception | Error e) {
                    abortReason.compareAndSet(null, "worker " + index + " could not start: " + PhaseRecorder.describe(e));
                    return;
                } finally {
                    ready.countDown();
                }
                go.await();
                loop(worker);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                finished.countDown();
            }
        }

        private void loop(SystemUnderTest.QueryWorker worker) {
            while (!stop) {
                PhaseRecorder phase = current.get();
                int sample = (int) (cursor.getAndIncrement() % sampleCount);
                long t0 = System.nanoTime();
                long t1;
                try {
                    worker.issue(sample);
                    t1 = System.nanoTime();
                    phase.record(t1 - t0, t1);
                } catch (Exception | Error e) {
                    t1 = System.nanoTime();
                    phase.recordError(e, t1);
                    if (phase.errors() >= ALL_FAILED_ABORT && phase.errors() == phase.completed()) {
                        abortReason.compareAndSet(null, "the first " + phase.errors() + " queries all failed: "
                                + PhaseRecorder.describe(e));
                        stop = true;
                    }
                }
                advance(phase, t1);
            }
        }

        /** After each completion: end the warmup, or end the measurement, when their rule is met. */
        private void advance(PhaseRecorder phase, long now) {
            if (phase == warmup) {
                boolean done = plan.warmup() instanceof Warmup.Queries q ? warmup.completed() >= q.count()
                        : now - warmup.startNanos() >= ((Warmup.Time) plan.warmup()).duration().toNanos();
                if (done || now - warmup.startNanos() >= plan.maxDuration().toNanos()) {
                    startMeasurement(now);
                }
                return;
            }
            long elapsed = now - measurement.startNanos();
            if (elapsed >= plan.maxDuration().toNanos()
                    || elapsed >= plan.minDuration().toNanos() && measurement.completed() >= plan.minQueries()) {
                stop = true;
                LockSupport.unpark(timeline);
            }
        }

        private synchronized void startMeasurement(long now) {
            if (current.get() == warmup) {
                measurement.start(now);
                current.set(measurement);
                LockSupport.unpark(timeline);
            }
        }

        /** Cuts an interval every {@code plan.interval()}; closes the warmup's last interval at the switch. */
        private void timeline() {
            long step = plan.interval().toNanos();
            PhaseRecorder active = current.get();
            long next = active.startNanos() + step;
            while (true) {
                PhaseRecorder now = current.get();
                if (now != active) {
                    report(active, active.cut(now.startNanos()));
                    active = now;
                    next = active.startNanos() + step;
                    continue;
                }
                if (workersDone) {
                    report(active, active.cut(Math.max(System.nanoTime(), active.startNanos())));
                    return;
                }
                long wait = next - System.nanoTime();
                if (wait <= 0) {
                    report(active, active.cut(next));
                    next += step;
                } else {
                    LockSupport.parkNanos(this, wait);
                }
            }
        }

        private void report(PhaseRecorder phase, IntervalRecord r) {
            double seconds = (r.endNanos() - r.startNanos()) / 1e9;
            listener.onProgress(new ProgressListener.Progress(phase.phase(), r.endNanos() / 1e9, phase.completed(),
                    phase.errors(), seconds > 0 ? (r.queries() + r.errors()) / seconds : 0,
                    r.queries() == 0 ? Double.NaN : r.p50Nanos() / 1e6));
        }
    }
}
