package io.inferbench.env;

import io.inferbench.result.BusyProcess;
import io.inferbench.result.MachineActivity;
import io.inferbench.result.MachineLoad;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * The noise guard of one configuration's run: which other processes used CPU before its load
 * (while the model loaded) and while its load ran, and the load average, read from {@code /proc}.
 *
 * <p>Before: one window, from {@link #start} to {@link #loadStarts}. During: from {@link #loadStarts}
 * to {@link #stop}, read by a daemon thread every {@link #DEFAULT_PERIOD} — each read walks every
 * {@code /proc/PID/stat} (3–7 ms of one core for about 120 processes, so 0.15–0.4% of a core at
 * this rate; the result records the exact cost in {@link MachineActivity#monitorCpuMs}).
 * A process's peak is its busiest of those windows; windows shorter than half the period (the last
 * one, cut by {@link #stop}) count for the mean only, as one 10 ms clock tick in them would read as a
 * large share. This process, its parent (the harness, which only waits meanwhile) and its own child
 * processes are not "other" processes. Nothing here throws: what cannot be read is noted.
 */
public final class MachineMonitor implements AutoCloseable {
    /** Time between reads during the load. */
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(2);
    /** A process below this share of a core over a window is not listed (idle daemons). */
    static final double LISTED_PERCENT = 0.5;

    private final Path procRoot;
    private final long periodNanos;
    private final String cpus;
    private final double thresholdPercent;
    private final Set<Long> excluded;
    /** Processes listed per window: {@link MachineActivity#BUSIEST_KEPT} (tests may ask for all). */
    private final int kept;
    private final long self;
    private final Set<String> notes = new LinkedHashSet<>();
    private final ThreadMXBean threads = threadBean();
    private final Map<Long, Double> peaks = new HashMap<>();
    private ProcessTable.Snapshot start;
    private MachineLoad before;
    private ProcessTable.Snapshot loadStart;
    private volatile ProcessTable.Snapshot last;
    private volatile boolean stopping;
    private volatile long samplerCpuNanos;
    private long callerCpuNanos;
    private Thread sampler;
    private MachineActivity result;

    private MachineMonitor(Path procRoot, Duration period, String cpus, double thresholdPercent, int kept) {
        this.procRoot = procRoot;
        this.kept = kept;
        this.periodNanos = period.toNanos();
        this.cpus = cpus;
        this.thresholdPercent = thresholdPercent;
        this.self = ProcessHandle.current().pid();
        Set<Long> ex = new java.util.HashSet<>();
        ex.add(self);
        ProcessHandle.current().parent().ifPresent(p -> ex.add(p.pid()));
        this.excluded = Set.copyOf(ex);
    }

    /**
     * Starts watching this machine ({@code /proc}) now: the "before" window opens.
     *
     * @param cpus             the CPUs the scenario pinned this process to, recorded as is; null when not pinned
     * @param thresholdPercent share of one core above which another process makes the machine busy
     */
    public static MachineMonitor start(String cpus, double thresholdPercent) {
        return start(Path.of("/proc"), DEFAULT_PERIOD, cpus, thresholdPercent);
    }

    /** {@link #start(String, double)} reading {@code procRoot} every {@code period} (tests). */
    static MachineMonitor start(Path procRoot, Duration period, String cpus, double thresholdPercent) {
        return start(procRoot, period, cpus, thresholdPercent, MachineActivity.BUSIEST_KEPT);
    }

    /** {@link #start(Path, Duration, String, double)} listing up to {@code kept} processes per window. */
    static MachineMonitor start(Path procRoot, Duration period, String cpus, double thresholdPercent, int kept) {
        MachineMonitor m = new MachineMonitor(procRoot, period, cpus, thresholdPercent, kept);
        m.start = m.read();
        if (m.start.processes().isEmpty()) {
            m.notes.add(procRoot + ": no process readable; other processes are not watched");
        }
        return m;
    }

    /** The load starts: closes the "before" window and starts reading at the low rate. Call once, before timing. */
    public synchronized void loadStarts() {
        if (loadStart != null || result != null) {
            return;
        }
        loadStart = read();
        before = load(start, loadStart, Map.of(), kept);
        last = loadStart;
        sampler = new Thread(this::loop, "inferbench-noise-guard");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Stops watching, after the load; idempotent. */
    public synchronized MachineActivity stop() {
        if (result != null) {
            return result;
        }
        MachineLoad during = null;
        if (sampler != null) {
            stopping = true;
            LockSupport.unpark(sampler);
            try {
                sampler.join(Math.max(1000, periodNanos / 1_000_000 * 2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ProcessTable.Snapshot end = read();
            peakOver(last, end);
            during = load(loadStart, end, peaks, kept);
        }
        result = new MachineActivity(cpus, cpusAllowed(), thresholdPercent, before, during,
                (samplerCpuNanos + callerCpuNanos) / 1e6, List.copyOf(notes));
        return result;
    }

    @Override
    public void close() {
        stop();
    }

    private void loop() {
        long next = System.nanoTime() + periodNanos;
        while (!stopping) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait);
                continue;
            }
            ProcessTable.Snapshot now = ProcessTable.read(procRoot, excluded);
            peakOver(last, now);
            last = now;
            next += periodNanos;
            if (next <= System.nanoTime()) {
                next = System.nanoTime() + periodNanos;
            }
        }
        samplerCpuNanos = cpuNanos();
    }

    /** Each process's share over one window raises its peak, if the window is long enough to tell. */
    private void peakOver(ProcessTable.Snapshot from, ProcessTable.Snapshot to) {
        if (to.nanoTime() - from.nanoTime() < periodNanos / 2) {
            return;
        }
        synchronized (peaks) {
            for (Long pid : to.processes().keySet()) {
                OptionalDouble share = ProcessTable.percentOfCore(from, to, pid);
                if (share.isPresent()) {
                    peaks.merge(pid, share.getAsDouble(), Math::max);
                }
            }
        }
    }

    /** One window: the load average at its end and the busiest other processes, by peak then mean. */
    private MachineLoad load(ProcessTable.Snapshot from, ProcessTable.Snapshot to, Map<Long, Double> peakShares,
                             int kept) {
        List<BusyProcess> all = new ArrayList<>();
        synchronized (peaks) {
            for (Map.Entry<Long, ProcessTable.Entry> e : to.processes().entrySet()) {
                ProcessTable.Entry p = e.getValue();
                if (p.parent() == self) {
                    continue; // our own helpers (nvidia-smi, ...)
                }
                OptionalDouble mean = ProcessTable.percentOfCore(from, to, e.getKey());
                double m = mean.orElse(0);
                double peak = Math.max(m, peakShares.getOrDefault(e.getKey(), m));
                if (peak >= LISTED_PERCENT) {
                    all.add(new BusyProcess(e.getKey(), p.command(), round(m), round(peak)));
                }
            }
        }
        all.sort(Comparator.comparingDouble(BusyProcess::peakPercentOfCore).reversed()
                .thenComparing(Comparator.comparingDouble(BusyProcess::meanPercentOfCore).reversed()));
        double[] avg = loadAverages();
        return new MachineLoad(round((to.nanoTime() - from.nanoTime()) / 1e9), avg[0], avg[1], avg[2],
                all.subList(0, Math.min(kept, all.size())));
    }

    /** A read on the caller's thread, its CPU time counted as the monitor's cost. */
    private ProcessTable.Snapshot read() {
        long cpu0 = cpuNanos();
        ProcessTable.Snapshot s = ProcessTable.read(procRoot, excluded);
        callerCpuNanos += Math.max(0, cpuNanos() - cpu0);
        return s;
    }

    private double[] loadAverages() {
        Path file = procRoot.resolve("loadavg");
        try {
            return ProcessTable.loadAverages(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            notes.add(file + " not readable: the load average is unknown");
            return ProcessTable.loadAverages(null);
        }
    }

    private String cpusAllowed() {
        try {
            return ProcessTable.cpusAllowed(Files.readString(procRoot.resolve("self/status"),
                    StandardCharsets.US_ASCII)).orElse(null);
        } catch (IOException | RuntimeException e) {
            notes.add(procRoot.resolve("self/status") + " not readable: the CPUs this process could use are unknown");
            return null;
        }
    }

    private long cpuNanos() {
        try {
            return threads == null ? 0 : Math.max(0, threads.getCurrentThreadCpuTime());
        } catch (UnsupportedOperationException e) {
            return 0;
        }
    }

    private static ThreadMXBean threadBean() {
        try {
            ThreadMXBean b = ManagementFactory.getThreadMXBean();
            return b.isCurrentThreadCpuTimeSupported() ? b : null;
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
