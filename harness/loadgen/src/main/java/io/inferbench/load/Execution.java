package io.inferbench.load;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * What every execution shares: the two phases and the switch between them, the stop rule, the
 * timeline thread that cuts an interval every {@code plan.interval()}, and the bounded wait for
 * workers (a hung backend is reported, not waited for forever).
 */
abstract class Execution {
    final LoadPlan plan;
    final SystemUnderTest sut;
    final ProgressListener listener;
    final Duration hangGrace;
    final PhaseRecorder warmup = new PhaseRecorder(Phase.WARMUP);
    final PhaseRecorder measurement = new PhaseRecorder(Phase.MEASUREMENT);
    final AtomicReference<PhaseRecorder> current = new AtomicReference<>();
    final AtomicReference<String> abortReason = new AtomicReference<>();
    final AtomicLong cursor = new AtomicLong();
    final int sampleCount;
    /** Null unless the plan asks for a trace: the hot path tests it once per query. */
    final QueryTrace trace;
    volatile boolean stop;
    /** Set by the timeline thread when the warmup's extra condition holds (or there is none). */
    private volatile boolean warmupConditionMet;
    private volatile boolean finished;
    private boolean skipWarmup;
    private Thread timeline;

    Execution(LoadPlan plan, SystemUnderTest sut, ProgressListener listener, Duration hangGrace) {
        this.plan = plan;
        this.sut = sut;
        this.listener = listener;
        this.hangGrace = hangGrace;
        this.sampleCount = sut.sampleCount();
        this.trace = plan.trace() ? new QueryTrace() : null;
        if (sampleCount < 1) {
            throw new IllegalArgumentException("the system under test has no samples");
        }
    }

    /** Starts the threads, runs both phases, returns the recordings. */
    abstract LoadResult run() throws InterruptedException;

    /** The next sample, cycling through all of them. */
    int nextSample() {
        return (int) (cursor.getAndIncrement() % sampleCount);
    }

    /** Marks time zero: the warmup starts (or, with no warmup, the measurement) and the timeline runs. */
    void begin(long now) {
        warmupConditionMet = plan.warmupUntil() == null;
        warmup.start(now);
        skipWarmup = plan.warmup() instanceof Warmup.Queries q && q.count() == 0
                || plan.warmup() instanceof Warmup.Time t && t.duration().isZero();
        if (skipWarmup) {
            measurement.start(now);
            current.set(measurement);
        } else {
            current.set(warmup);
        }
        timeline = new Thread(this::timeline, "inferbench-timeline");
        timeline.setDaemon(true);
        timeline.start();
    }

    /** Ends the timeline and builds the result. */
    LoadResult end() throws InterruptedException {
        finished = true;
        LockSupport.unpark(timeline);
        timeline.join();
        PhaseRecording w = skipWarmup ? PhaseRecording.empty(Phase.WARMUP) : warmup.finish();
        return new LoadResult(w, measurement.finish(), sut.samplesPerQuery(), abortReason.get(), trace);
    }

    /** Whether the warmup rule is met at {@code now}, given what the warmup has done. */
    boolean warmupDone(long now, long warmupQueries) {
        if (now - warmup.startNanos() >= plan.maxDuration().toNanos()) {
            return true;
        }
        boolean ruleMet = plan.warmup() instanceof Warmup.Queries q ? warmupQueries >= q.count()
                : now - warmup.startNanos() >= ((Warmup.Time) plan.warmup()).duration().toNanos();
        return ruleMet && warmupConditionMet;
    }

    /** Whether the measurement may end: both minimums met, or the maximum duration reached. */
    boolean measurementDone(long now, long completed) {
        long elapsed = now - measurement.startNanos();
        return elapsed >= plan.maxDuration().toNanos()
                || elapsed >= plan.minDuration().toNanos() && completed >= plan.minQueries();
    }

    /** Closed loops: after each completion, end the warmup or the measurement when their rule is met. */
    void advanceAfterCompletion(PhaseRecorder phase, long now) {
        if (phase == warmup) {
            if (warmupDone(now, warmup.completed())) {
                startMeasurement(now);
            }
        } else if (measurementDone(now, measurement.completed())) {
            requestStop();
        }
    }

    synchronized void startMeasurement(long now) {
        if (current.get() == warmup) {
            measurement.start(now);
            current.set(measurement);
            onMeasurementStart(now);
            LockSupport.unpark(timeline);
        }
    }

    /** Hook: the measurement has just started. */
    void onMeasurementStart(long now) {
    }

    void requestStop() {
        stop = true;
        LockSupport.unpark(timeline);
    }

    /** Records an error and aborts when every query so far failed (it would measure nothing). */
    void recordError(PhaseRecorder phase, Throwable e, long now) {
        phase.recordError(e, now);
        if (phase.errors() >= LoadGenerator.ALL_FAILED_ABORT && phase.errors() == phase.completed()) {
            abortReason.compareAndSet(null, "the first " + phase.errors() + " queries all failed: "
                    + PhaseRecorder.describe(e));
            requestStop();
        }
    }

    /** Waits for {@code done}, bounded by warmup + max duration + grace; then declares the backend hung. */
    void awaitBounded(CountDownLatch done) throws InterruptedException {
        Duration warm = plan.warmup() instanceof Warmup.Time t ? t.duration() : plan.maxDuration();
        long limitNanos = warm.plus(plan.maxDuration()).plus(hangGrace).toNanos();
        if (!done.await(limitNanos, TimeUnit.NANOSECONDS)) {
            requestStop();
            onHang();
            if (!done.await(hangGrace.toNanos(), TimeUnit.NANOSECONDS)) {
                abortReason.compareAndSet(null, "a query did not return within " + hangGrace.toSeconds()
                        + " s after the maximum duration: the backend hung");
            }
        }
    }

    /** Hook: the bounded wait ran out; wake anything blocked so it can notice the stop. */
    void onHang() {
    }

    /** Cuts an interval every {@code plan.interval()}; closes the warmup's last interval at the switch. */
    private void timeline() {
        long step = plan.interval().toNanos();
        PhaseRecorder active = current.get();
        if (active == measurement) {
            listener.onMeasurementStart();
        }
        long next = active.startNanos() + step;
        while (true) {
            PhaseRecorder now = current.get();
            if (now != active) {
                report(active, active.cut(now.startNanos()));
                active = now;
                next = active.startNanos() + step;
                if (active == measurement) {
                    listener.onMeasurementStart();
                }
                continue;
            }
            if (finished) {
                report(active, active.cut(Math.max(System.nanoTime(), active.startNanos())));
                return;
            }
            long wait = next - System.nanoTime();
            if (wait <= 0) {
                report(active, active.cut(next));
                if (active == warmup && !warmupConditionMet && plan.warmupUntil().test(warmup.intervalsSoFar())) {
                    warmupConditionMet = true;
                }
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
