package io.inferbench.utilization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.UtilizationResult;
import io.inferbench.result.UtilizationSample;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The sampler on this machine, on nothing at all, and with a stand-in nvidia-smi. */
class UtilizationSamplerTest {
    private static final Duration INTERVAL = Duration.ofMillis(250);

    @Test
    @EnabledOnOs(OS.LINUX)
    void samplesThisProcessWithABusyThread() throws Exception {
        AtomicBoolean spin = new AtomicBoolean(true);
        AtomicLong busyCpuNanos = new AtomicLong();
        Thread busy = new Thread(() -> {
            var threads = ManagementFactory.getThreadMXBean();
            long t0 = threads.getCurrentThreadCpuTime();
            long x = 0;
            while (spin.get()) {
                x += System.nanoTime() % 7;
            }
            busyCpuNanos.set(threads.getCurrentThreadCpuTime() - t0 + (x & 0));
        }, "busy");
        UtilizationResult r;
        try (UtilizationSampler sampler = new UtilizationSampler(SamplerSources.system().withGpu(0))) {
            sampler.start(INTERVAL);
            sampler.mark("warmup");
            busy.start();
            Thread.sleep(500);
            sampler.mark("measurement");
            Thread.sleep(1000);
            spin.set(false);
            busy.join();
            r = sampler.stop();
        }
        System.out.println("utilization on this machine: " + summary(r));

        assertTrue(r.timeline().size() >= 4, "about 6 samples of 250 ms in 1.5 s: " + r.timeline().size());
        assertEquals(2, r.phases().size());
        assertEquals(0.5, r.phases().get(1).tSeconds(), 0.2);
        double busyShare = busyCpuNanos.get() / 1e9 / r.durationSeconds();
        // The process's CPU includes the busy thread's. On a loaded shared machine the thread may not
        // get a whole core, so the sampler is checked against what the thread itself measured.
        assertTrue(r.meanProcessCpuPercentOfOneCore() >= 90 * busyShare,
                "process " + r.meanProcessCpuPercentOfOneCore() + "% vs busy thread " + 100 * busyShare + "%");
        if (busyShare > 0.55) {
            assertTrue(r.meanProcessCpuPercentOfOneCore() > 50, "mean " + r.meanProcessCpuPercentOfOneCore());
        }
        assertTrue(r.maxProcessCpuPercentOfOneCore() >= r.meanProcessCpuPercentOfOneCore());
        assertEquals(r.meanProcessCpuPercentOfOneCore() / r.cores(), r.meanProcessCpuPercentOfMachine(), 1e-6);
        for (UtilizationSample s : r.timeline()) {
            assertTrue(s.rssBytes() > 0);
            assertTrue(s.threads() > 1);
            assertTrue(s.gcTimeMsDelta() >= 0);
            assertTrue(s.heapUsedBytes() > 0 && s.heapCommittedBytes() >= s.heapUsedBytes());
            assertEquals(r.cores(), s.perCoreBusyPercent().size());
        }
        assertTrue(r.peakRssBytes() >= r.timeline().get(0).rssBytes());
        assertTrue(r.maxThreads() > 1);
        assertTrue(r.totalGcMs() >= 0);
        // RAPL and GPU may or may not be readable here; either there is a figure or a reason.
        assertTrue(Double.isFinite(r.energyJoules()) || r.unavailable().stream().anyMatch(n -> n.startsWith("RAPL: ")),
                r.unavailable().toString());
        assertTrue(Double.isFinite(r.meanGpuUtilPercent()) || r.unavailable().stream().anyMatch(n -> n.startsWith("GPU: ")),
                r.unavailable().toString());
        assertTrue(Double.isNaN(r.energyJoules()) || r.joulesPerInference(1000) == r.energyJoules() / 1000);
    }

    @Test
    void nonexistentRootsGiveNotesNotExceptions(@TempDir Path tmp) throws Exception {
        Path nowhere = tmp.resolve("no-such-dir");
        UtilizationSampler sampler = new UtilizationSampler(
                SamplerSources.system().withRoots(nowhere.resolve("proc"), nowhere.resolve("powercap"))
                        .withNvidiaSmi(null));
        sampler.start(Duration.ofMillis(50));
        Thread.sleep(120);
        UtilizationResult r = sampler.stop();
        assertSame(r, sampler.stop(), "stop is idempotent");
        sampler.close();

        assertFalse(r.timeline().isEmpty());
        UtilizationSample s = r.timeline().get(0);
        assertEquals(-1, s.rssBytes());
        assertEquals(-1, r.peakRssBytes());
        assertTrue(s.threads() > 0, "Java threads stand in for OS threads");
        assertTrue(s.heapUsedBytes() > 0, "the JVM's own figures do not need /proc");
        assertTrue(s.perCoreBusyPercent().isEmpty());
        assertTrue(Double.isNaN(r.energyJoules()));
        assertTrue(Double.isNaN(r.joulesPerInference(100)));
        assertTrue(Double.isNaN(r.joulesPerInference("measurement", 100)));
        String notes = String.join("\n", r.unavailable());
        assertTrue(notes.contains("RSS: " + nowhere.resolve("proc/self/status") + " not readable (not present)"), notes);
        assertTrue(notes.contains("per-core load: " + nowhere.resolve("proc/stat") + " not readable"), notes);
        assertTrue(notes.contains("threads: "), notes);
        assertTrue(notes.contains("RAPL: " + nowhere.resolve("powercap") + " not present"), notes);
        assertTrue(notes.contains("GPU: nvidia-smi not found"), notes);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void gpuAndEnergyFromStandIns(@TempDir Path tmp) throws Exception {
        Path smi = tmp.resolve("nvidia-smi");
        Files.writeString(smi, "#!/bin/sh\necho '0, 75, 2048, 150.5'\n");
        Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path zone = Files.createDirectories(tmp.resolve("powercap/intel-rapl:0"));
        Files.writeString(zone.resolve("name"), "package-0\n");
        Files.writeString(zone.resolve("energy_uj"), "1000\n"); // a counter that does not move: 0 W
        Files.writeString(zone.resolve("max_energy_range_uj"), "262143328850\n");
        UtilizationSampler sampler = new UtilizationSampler(
                SamplerSources.system().withRoots(Path.of("/proc"), tmp.resolve("powercap")).withNvidiaSmi(smi));
        sampler.start(Duration.ofMillis(100));
        sampler.mark("measurement");
        Thread.sleep(250);
        UtilizationResult r = sampler.stop();

        assertFalse(r.timeline().isEmpty());
        UtilizationSample s = r.timeline().get(0);
        assertEquals(75, s.gpuUtilPercent(), 1e-9);
        assertEquals(2048L * 1024 * 1024, s.gpuMemoryBytes());
        assertEquals(150.5, s.gpuPowerWatts(), 1e-9);
        assertEquals(0.0, r.energyJoules());
        assertEquals(0.0, r.energyJoules("measurement"));
        assertEquals(150.5 * r.durationSeconds(), r.gpuEnergyJoules(), 1e-6);
        assertFalse(r.unavailable().stream().anyMatch(n -> n.startsWith("GPU") || n.startsWith("RAPL")),
                r.unavailable().toString());
    }

    @Test
    void misuseIsRejectedAndNeverStartedIsANote() {
        UtilizationSampler sampler = new UtilizationSampler();
        assertThrows(IllegalStateException.class, () -> sampler.mark("warmup"));
        assertThrows(IllegalArgumentException.class, () -> sampler.start(Duration.ofMillis(1)));
        UtilizationResult r = sampler.stop();
        assertNotNull(r);
        assertTrue(r.timeline().isEmpty());
        assertTrue(r.unavailable().contains("sampler: never started"));
    }

    private static String summary(UtilizationResult r) {
        return String.format("%d samples over %.2f s, %d cores, CPU mean %.0f%% of one core (max %.0f%%, %.0f%% of"
                        + " machine), peak RSS %d MiB, heap mean %.0f MiB, GC %d ms, threads %d, energy %s J;"
                        + " first sample %s; unavailable %s",
                r.timeline().size(), r.durationSeconds(), r.cores(), r.meanProcessCpuPercentOfOneCore(),
                r.maxProcessCpuPercentOfOneCore(), r.meanProcessCpuPercentOfMachine(), r.peakRssBytes() >> 20,
                r.meanHeapUsedBytes() / (1 << 20), r.totalGcMs(), r.maxThreads(), r.energyJoules(),
                r.timeline().get(0), r.unavailable());
    }
}
