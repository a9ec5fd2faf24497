package io.inferbench.utilization;

import io.inferbench.result.PhaseMark;
import io.inferbench.result.UtilizationResult;
import io.inferbench.result.UtilizationSample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Samples the resource use of this process on a timeline: process CPU, per-core load, RSS, JVM
 * heap and GC, OS threads, GPU (through {@code nvidia-smi}) and CPU package energy (RAPL).
 *
 * <p>Run it in the process that runs the backend (the forked child), around the load:
 * <pre>{@code
 * try (UtilizationSampler sampler = new UtilizationSampler()) {
 *     sampler.start();
 *     sampler.mark("warmup");
 *     ... run the load ...
 *     UtilizationResult u = sampler.stop();
 * }
 * }</pre>
 *
 * <p>Threading: one daemon thread samples every interval; {@link #mark}, {@link #stop} and
 * {@link #close} may be called from any thread. A sample reads a few small /proc files and the
 * JVM's MXBeans, and spawns {@code nvidia-smi} (with a timeout) only when it is installed, so it
 * costs well under a millisecond of CPU on a machine without a GPU. Nothing here throws because
 * a metric is unreadable: it becomes a line of {@link UtilizationResult#unavailable()}.
 */
public final class UtilizationSampler implements AutoCloseable {
    /** Sampling interval of {@link #start()}. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    private static final int MAX_NOTES = 20;

    private final SamplerSources sources;
    /** Guards the timeline, marks and notes; held only briefly, so {@link #mark} never waits for a sample. */
    private final Object lock = new Object();
    /** Guards the probe: held while a sample is read, which may include an nvidia-smi call. */
    private final Object probeLock = new Object();
    private final Set<String> notes = new LinkedHashSet<>();
    private final List<UtilizationSample> samples = new ArrayList<>();
    private final List<PhaseMark> marks = new ArrayList<>();
    private UtilizationProbe probe;
    private Thread thread;
    private long startNanos;
    private long lastSampleNanos;
    private long intervalNanos;
    private volatile boolean stopping;
    private UtilizationResult result;

    /** A sampler of this machine ({@link SamplerSources#system()}). */
    public UtilizationSampler() {
        this(SamplerSources.system());
    }

    /** A sampler reading from {@code sources}. */
    public UtilizationSampler(SamplerSources sources) {
        if (sources == null) {
            throw new IllegalArgumentException("sources: must not be null");
        }
        this.sources = sources;
    }

    /** Starts sampling every {@link #DEFAULT_INTERVAL}. */
    public void start() {
        start(DEFAULT_INTERVAL);
    }

    /**
     * Takes the baseline readings and starts the sampling thread. Returns at once.
     *
     * @param interval time between samples; at least 10 ms
     * @throws IllegalStateException when already started
     */
    public void start(Duration interval) {
        if (interval == null || interval.toMillis() < 10) {
            throw new IllegalArgumentException("interval: must be at least 10 ms, was " + interval);
        }
        synchronized (lock) {
            if (thread != null) {
                throw new IllegalStateException("sampler already started");
            }
            intervalNanos = interval.toNanos();
            probe = guarded(() -> new UtilizationProbe(sources, this::note));
            startNanos = System.nanoTime();
            lastSampleNanos = startNanos;
            if (probe != null) {
                guarded(() -> {
                    probe.baseline(startNanos);
                    return null;
                });
            }
            thread = new Thread(this::loop, "inferbench-utilization");
            thread.setDaemon(true); // never keeps a finished run's JVM alive
            thread.start();
        }
    }

    /** Marks the start of a phase now (see {@link #markAt}). */
    public void mark(String phase) {
        markAt(phase, System.nanoTime());
    }

    /**
     * Marks the start of a phase; it lasts until the next mark or the end of sampling.
     *
     * @param phase    phase name, e.g. {@code warmup}, {@code measurement}
     * @param nanoTime when it started, on the {@link System#nanoTime()} clock; may be in the past
     *                 (e.g. the end of the load minus the measured phase's duration)
     * @throws IllegalStateException when not started
     */
    public void markAt(String phase, long nanoTime) {
        synchronized (lock) {
            if (thread == null) {
                throw new IllegalStateException("mark before start: call start() first");
            }
            marks.add(new PhaseMark(phase, Math.max(0, nanoTime - startNanos) / 1e9));
        }
    }

    /**
     * Stops sampling, takes a last sample for the time since the previous one, and summarizes.
     * Idempotent: later calls return the same result.
     *
     * @return the timeline and its summary; an empty timeline when never started
     */
    public UtilizationResult stop() {
        Thread t;
        synchronized (lock) {
            if (result != null) {
                return result;
            }
            t = thread;
            stopping = true;
        }
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(TimeUnit.NANOSECONDS.toMillis(intervalNanos) + sources.gpuTimeout().toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // keep the interrupt; still return what was sampled
            }
        }
        if (t == null) {
            note("sampler: never started");
        } else if (t.isAlive()) {
            note("sampler: the sampling thread did not stop in time; the last interval is missing");
        } else {
            long last;
            synchronized (lock) {
                last = lastSampleNanos;
            }
            if (System.nanoTime() - last >= Math.min(intervalNanos / 2, 50_000_000L)) {
                sampleNow(); // a very short tail would only add noise
            }
        }
        synchronized (lock) {
            if (result != null) {
                return result; // a concurrent stop() finished first
            }
            int cores = probe == null ? Runtime.getRuntime().availableProcessors() : probe.cores();
            result = Summaries.summarize(intervalNanos / 1e9, cores, List.copyOf(samples), List.copyOf(marks),
                    probe == null ? -1 : probe.peakRssBytes(), List.copyOf(notes));
            return result;
        }
    }

    /** Stops sampling, discarding the result unless {@link #stop()} was called. */
    @Override
    public void close() {
        stop();
    }

    private void loop() {
        long next = startNanos + intervalNanos;
        while (!stopping) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait); // may wake early (unpark, spuriously): the loop re-checks
                continue;
            }
            sampleNow();
            next += intervalNanos;
            long now = System.nanoTime();
            if (next <= now) {
                next = now + intervalNanos; // a slow sample (nvidia-smi): skip, do not catch up in a burst
            }
        }
    }

    private void sampleNow() {
        if (probe == null) {
            return;
        }
        synchronized (probeLock) {
            long now = System.nanoTime();
            UtilizationSample s = guarded(() -> probe.sample(now, (now - startNanos) / 1e9));
            if (s != null) {
                synchronized (lock) {
                    samples.add(s);
                    lastSampleNanos = now;
                }
            }
        }
    }

    private void note(String reason) {
        synchronized (lock) {
            if (notes.size() < MAX_NOTES) { // a failure whose message varies per sample must not grow without bound
                notes.add(reason);
            }
        }
    }

    /** Runs a step of the sampler; anything it throws becomes a note instead of ending the run. */
    private <T> T guarded(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            note("sampler: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            return null;
        }
    }
}
