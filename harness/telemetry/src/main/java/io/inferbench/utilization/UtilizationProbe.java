package io.inferbench.utilization;

import io.inferbench.result.UtilizationSample;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads every metric once and turns two consecutive readings into a {@link UtilizationSample}.
 * Each metric is read on its own, so one that fails costs only its own figure and leaves a note.
 * Not thread-safe: the sampler calls it from one thread at a time.
 */
final class UtilizationProbe {
    private final Path procStat;
    private final Path selfStat;
    private final Path selfStatus;
    private final RaplMeter rapl;
    private final GpuMeter gpu;
    private final Consumer<String> note;
    private final com.sun.management.OperatingSystemMXBean os;

    private long lastNanos;
    private long lastCpuNanos = -1;
    private List<ProcStat.CoreTimes> lastCores = List.of();
    private long lastGcMs = -1;
    private int cores;
    private long peakRssBytes = -1;

    UtilizationProbe(SamplerSources sources, Consumer<String> note) {
        this.note = note;
        this.procStat = sources.procRoot().resolve("stat");
        this.selfStat = sources.procRoot().resolve("self").resolve("stat");
        this.selfStatus = sources.procRoot().resolve("self").resolve("status");
        this.rapl = RaplMeter.open(sources.powercapRoot(), note);
        this.gpu = new GpuMeter(sources.nvidiaSmi(), sources.gpuIndex(), sources.gpuTimeout(), note);
        this.os = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean o
                ? o : null;
        this.cores = Runtime.getRuntime().availableProcessors();
    }

    /** Takes the first readings, which later samples are deltas against. */
    void baseline(long nowNanos) {
        lastNanos = nowNanos;
        lastCpuNanos = processCpuNanos();
        lastCores = coreTimes();
        lastGcMs = gcMillis();
        rapl.joulesSinceLast();
    }

    /** One sample covering the time since the previous call (or the baseline). */
    UtilizationSample sample(long nowNanos, double tSeconds) {
        double dt = (nowNanos - lastNanos) / 1e9;
        lastNanos = nowNanos;

        long cpu = processCpuNanos();
        double cpuPercent = cpu >= 0 && lastCpuNanos >= 0 && dt > 0 ? 100.0 * (cpu - lastCpuNanos) / 1e9 / dt
                : Double.NaN;
        lastCpuNanos = cpu;

        List<ProcStat.CoreTimes> coreTimes = coreTimes();
        List<Double> perCore = ProcStat.busyPercent(lastCores, coreTimes);
        lastCores = coreTimes;

        ProcStatus.Memory memory = memory();
        if (memory.peakRssBytes() >= 0) {
            peakRssBytes = Math.max(peakRssBytes, memory.peakRssBytes());
        }
        long heapUsed = -1;
        long heapCommitted = -1;
        try {
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            heapUsed = heap.getUsed();
            heapCommitted = heap.getCommitted();
        } catch (RuntimeException e) {
            note.accept("heap: " + e);
        }
        long gc = gcMillis();
        long gcDelta = gc >= 0 && lastGcMs >= 0 ? Math.max(0, gc - lastGcMs) : -1;
        lastGcMs = gc;

        double joules = rapl.joulesSinceLast();
        Optional<NvidiaSmi.GpuReading> g = gpu.read();
        return new UtilizationSample(tSeconds, cpuPercent, cpuPercent / cores, perCore, memory.rssBytes(), heapUsed,
                heapCommitted, gcDelta, memory.threads(), g.map(NvidiaSmi.GpuReading::utilPercent).orElse(Double.NaN),
                g.map(NvidiaSmi.GpuReading::memoryUsedBytes).orElse(-1L),
                g.map(NvidiaSmi.GpuReading::powerWatts).orElse(Double.NaN), dt > 0 ? joules / dt : Double.NaN);
    }

    /** Cores of the machine: the per-core lines of /proc/stat, else the cores this JVM may use. */
    int cores() {
        return cores;
    }

    /** Largest {@code VmHWM} seen (the process's lifetime peak); -1 when never readable. */
    long peakRssBytes() {
        return peakRssBytes;
    }

    /**
     * Process CPU time in nanoseconds. The JVM's figure needs no clock-tick conversion; the
     * /proc/self/stat ticks are the fallback.
     */
    private long processCpuNanos() {
        long nanos = -1;
        try {
            nanos = os == null ? -1 : os.getProcessCpuTime();
        } catch (RuntimeException e) {
            // fall through to /proc
        }
        if (nanos >= 0) {
            return nanos;
        }
        try {
            Optional<ProcSelfStat.Times> t = ProcSelfStat.parse(TextFiles.read(selfStat));
            if (t.isPresent()) {
                note.accept("process CPU: the JVM reports no CPU time; using " + selfStat + " at "
                        + ProcSelfStat.USER_HZ + " ticks/s");
                return t.get().cpuNanos();
            }
            note.accept("process CPU: the JVM reports no CPU time and " + selfStat + " is malformed");
        } catch (Exception e) {
            note.accept("process CPU: the JVM reports no CPU time and " + TextFiles.unreadable(selfStat, e));
        }
        return -1;
    }

    private List<ProcStat.CoreTimes> coreTimes() {
        try {
            List<ProcStat.CoreTimes> c = ProcStat.perCore(TextFiles.read(procStat));
            if (c.isEmpty()) {
                note.accept("per-core load: " + procStat + " has no per-core lines");
            } else {
                cores = c.size();
            }
            return c;
        } catch (Exception e) {
            note.accept("per-core load: " + TextFiles.unreadable(procStat, e) + "; % of machine uses "
                    + cores + " available processors");
            return List.of();
        }
    }

    private ProcStatus.Memory memory() {
        ProcStatus.Memory m;
        try {
            m = ProcStatus.parse(TextFiles.read(selfStatus));
            if (m.rssBytes() < 0) {
                note.accept("RSS: no VmRSS line in " + selfStatus);
            }
            if (m.peakRssBytes() < 0) {
                note.accept("peak RSS: no VmHWM line in " + selfStatus + "; the largest sampled RSS is used");
            }
        } catch (Exception e) {
            note.accept("RSS: " + TextFiles.unreadable(selfStatus, e));
            m = new ProcStatus.Memory(-1, -1, -1);
        }
        if (m.threads() < 0) {
            // Java threads only: native pools of a backend are missed, so say so.
            int javaThreads = ManagementFactory.getThreadMXBean().getThreadCount();
            note.accept("threads: OS thread count not readable from " + selfStatus + "; Java threads counted instead");
            m = new ProcStatus.Memory(m.rssBytes(), m.peakRssBytes(), javaThreads);
        }
        return m;
    }

    /** Total collection time of all collectors; -1 when none reports one. */
    private long gcMillis() {
        long total = -1;
        try {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                long t = gc.getCollectionTime();
                if (t >= 0) {
                    total = Math.max(total, 0) + t;
                }
            }
        } catch (RuntimeException e) {
            note.accept("GC time: " + e);
        }
        if (total < 0) {
            note.accept("GC time: no garbage collector reports its collection time");
        }
        return total;
    }
}
