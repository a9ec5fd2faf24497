package io.inferbench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Records one phase. {@link #record} is wait-free (HdrHistogram's {@link Recorder}) and allocation
 * free, so recording costs workers almost nothing; the timeline thread {@link #cut}s interval
 * snapshots without stopping them. Each recording thread has its own recorder and completion
 * time, so concurrent workers never write to the same cache lines (a shared recorder cost ~400 ns
 * per sample with two writers, against ~60 ns alone); the timeline thread merges them.
 */
final class PhaseRecorder {
    private final Phase phase;
    /** One recording thread's private state. */
    private static final class Slot {
        final Recorder recorder = new Recorder(1, HistogramCodec.HIGHEST_TRACKABLE_NANOS,
                HistogramCodec.SIGNIFICANT_DIGITS);
        // Plain field: read only in finish(), after the writers finished (a latch orders it).
        long lastCompletionNanos = Long.MIN_VALUE;
        Histogram reusable;
    }

    private final java.util.List<Slot> slots = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ThreadLocal<Slot> slot = ThreadLocal.withInitial(() -> {
        Slot s = new Slot();
        slots.add(s);
        return s;
    });
    private final Histogram interval = HistogramCodec.newHistogram();
    private final LongAdder completed = new LongAdder();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final AtomicLong lastCompletionNanos = new AtomicLong(Long.MIN_VALUE);
    private final Histogram total = HistogramCodec.newHistogram();
    private final List<IntervalRecord> intervals = new ArrayList<>();
    private volatile long startNanos;
    private final Recorder lag = new Recorder(1, HistogramCodec.HIGHEST_TRACKABLE_NANOS,
            HistogramCodec.SIGNIFICANT_DIGITS);
    private final Recorder queueDelay = new Recorder(1, HistogramCodec.HIGHEST_TRACKABLE_NANOS,
            HistogramCodec.SIGNIFICANT_DIGITS);
    private final LongAdder issued = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder late = new LongAdder();
    private final java.util.concurrent.atomic.AtomicLongArray batchSizes = new java.util.concurrent.atomic.AtomicLongArray(1025);
    private volatile boolean queued;
    /** Written by the dispatcher only. */
    private volatile int peakInFlight;
    private volatile boolean overloaded;
    private long errorsAtLastCut;
    private long lastCutNanos;

    PhaseRecorder(Phase phase) {
        this.phase = phase;
    }

    Phase phase() {
        return phase;
    }

    /** Marks the phase start (absolute {@code System.nanoTime()}). Call before any record. */
    void start(long nowNanos) {
        startNanos = nowNanos;
        lastCutNanos = nowNanos;
    }

    long startNanos() {
        return startNanos;
    }

    /** Called by workers: one successful query. */
    void record(long latencyNanos, long completedAtNanos) {
        Slot s = slot.get();
        s.recorder.recordValue(clamp(latencyNanos));
        completed.increment();
        if (completedAtNanos > s.lastCompletionNanos) {
            s.lastCompletionNanos = completedAtNanos; // only this thread writes its slot
        }
    }

    /** Called by the dispatcher: a query handed to the queue {@code lagNanos} after its scheduled time. */
    void recordIssue(long lagNanos, long lateThresholdNanos) {
        queued = true;
        issued.increment();
        lag.recordValue(clamp(lagNanos));
        if (lagNanos > lateThresholdNanos) {
            late.increment();
        }
    }

    /** Called by the dispatcher: {@code inFlight} queries are now queued or running. */
    void recordInFlight(int inFlight) {
        if (inFlight > peakInFlight) {
            peakInFlight = inFlight;
        }
    }

    /** Called by a client that queued a query without a schedule (closed loop through the queue). */
    void recordQueued() {
        queued = true;
        issued.increment();
    }

    /** An arrival that was not issued because the in-flight cap was hit. */
    void recordOverload() {
        queued = true;
        dropped.increment();
        overloaded = true;
    }

    /** Called by workers: a query waited {@code nanos} between its reference time and the start of inference. */
    void recordQueueDelay(long nanos) {
        queueDelay.recordValue(clamp(nanos));
    }

    /** Called by workers: one inference of {@code size} batched queries. */
    void recordBatch(int size) {
        batchSizes.incrementAndGet(Math.min(size, batchSizes.length() - 1));
    }

    boolean overloaded() {
        return overloaded;
    }

    private static long clamp(long nanos) {
        return Math.max(1, Math.min(nanos, HistogramCodec.HIGHEST_TRACKABLE_NANOS));
    }

    /** Called by workers: one failed query. Errors are counted, never dropped. */
    void recordError(Throwable error, long completedAtNanos) {
        errors.incrementAndGet();
        completed.increment();
        firstError.compareAndSet(null, describe(error));
        lastCompletionNanos.accumulateAndGet(completedAtNanos, Math::max);
    }

    /** The phase lasts at least until {@code nanos} (an open loop's schedule ran to here). */
    void extendTo(long nanos) {
        lastCompletionNanos.accumulateAndGet(nanos, Math::max);
    }

    /** Queries completed so far, successful or not. */
    long completed() {
        return completed.sum();
    }

    long errors() {
        return errors.get();
    }

    /** Called by the timeline thread: closes the interval ending at {@code endNanos}. */
    IntervalRecord cut(long endNanos) {
        interval.reset();
        for (Slot s : slots) {
            s.reusable = s.recorder.getIntervalHistogram(s.reusable);
            interval.add(s.reusable);
        }
        Histogram reusable = interval;
        total.add(reusable);
        long errs = errors.get();
        IntervalRecord r = new IntervalRecord(lastCutNanos - startNanos, endNanos - startNanos,
                reusable.getTotalCount(), errs - errorsAtLastCut,
                reusable.getTotalCount() == 0 ? 0 : reusable.getValueAtPercentile(50),
                reusable.getTotalCount() == 0 ? 0 : reusable.getValueAtPercentile(90),
                reusable.getTotalCount() == 0 ? 0 : reusable.getValueAtPercentile(99),
                reusable.getMaxValue(), reusable.getTotalCount() == 0 ? 0 : reusable.getMean());
        intervals.add(r);
        errorsAtLastCut = errs;
        lastCutNanos = endNanos;
        return r;
    }

    /** The intervals cut so far; only the timeline thread may call this while the phase runs. */
    List<IntervalRecord> intervalsSoFar() {
        return List.copyOf(intervals);
    }

    /** The phase's recording; call after the final {@link #cut}. */
    PhaseRecording finish() {
        long last = lastCompletionNanos.get();
        for (Slot s : slots) {
            last = Math.max(last, s.lastCompletionNanos);
        }
        long duration = last == Long.MIN_VALUE ? 0 : Math.max(0, last - startNanos);
        QueueRecording q = null;
        if (queued) {
            java.util.Map<Integer, Long> sizes = new java.util.TreeMap<>();
            for (int i = 1; i < batchSizes.length(); i++) {
                if (batchSizes.get(i) > 0) {
                    sizes.put(i, batchSizes.get(i));
                }
            }
            q = new QueueRecording(lag.getIntervalHistogram(), queueDelay.getIntervalHistogram(), issued.sum(),
                    dropped.sum(), late.sum(), overloaded, sizes, peakInFlight);
        }
        return new PhaseRecording(phase, total.copy(), intervals, completed.sum(), errors.get(), firstError.get(),
                duration, q);
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.lines().findFirst().orElse(""));
    }
}
