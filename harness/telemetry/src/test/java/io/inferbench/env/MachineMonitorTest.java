package io.inferbench.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.inferbench.result.BusyProcess;
import io.inferbench.result.MachineActivity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineMonitorTest {
    @TempDir
    Path proc;

    private static String stat(long pid, String comm, long ppid, long utime, long stime) {
        // fields 3.. : state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
        return pid + " (" + comm + ") S " + ppid + " 1 1 0 -1 4194560 10 0 0 0 " + utime + " " + stime
                + " 0 0 20 0 1 0 100 1000 10\n";
    }

    private void process(long pid, String comm, long ppid, long ticks) throws IOException {
        Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(proc.resolve(pid + "/stat"), stat(pid, comm, ppid, ticks, 0));
    }

    @Test
    void parsesCommandsWithSpacesAndParentheses() {
        ProcessTable.Entry e = ProcessTable.parseStat(stat(7, "Web (Content) x", 3, 120, 30)).orElseThrow();
        assertEquals("Web (Content) x", e.command());
        assertEquals(3, e.parent());
        assertEquals(150, e.ticks());
        assertTrue(ProcessTable.parseStat("7 (x S 1").isEmpty(), "truncated");
        assertTrue(ProcessTable.parseStat("garbage").isEmpty());
    }

    @Test
    void parsesLoadAverageAndAllowedCpus() {
        assertArrayEquals(new double[]{8.24, 4.49, 2.7}, ProcessTable.loadAverages("8.24 4.49 2.70 14/354 28539\n"));
        assertTrue(Double.isNaN(ProcessTable.loadAverages("x")[0]));
        assertEquals(Optional.of("0-1"), ProcessTable.cpusAllowed("Name:\tjava\nCpus_allowed_list:\t0-1\n"));
        assertEquals(Optional.empty(), ProcessTable.cpusAllowed("Name:\tjava\n"));
    }

    @Test
    void shareOfACoreBetweenTwoSnapshots() {
        var a = new ProcessTable.Snapshot(0, java.util.Map.of(1L, new ProcessTable.Entry("x", 0, 100)));
        var b = new ProcessTable.Snapshot(2_000_000_000L, java.util.Map.of(1L, new ProcessTable.Entry("x", 0, 200),
                2L, new ProcessTable.Entry("new", 0, 50)));
        assertEquals(50.0, ProcessTable.percentOfCore(a, b, 1).orElseThrow(), 1e-9, "1 s of CPU in 2 s");
        assertTrue(ProcessTable.percentOfCore(a, b, 2).isEmpty(), "not in both");
        var reused = new ProcessTable.Snapshot(2_000_000_000L, java.util.Map.of(1L, new ProcessTable.Entry("y", 0, 300)));
        assertTrue(ProcessTable.percentOfCore(a, reused, 1).isEmpty(), "a reused pid is another process");
    }

    /** A fake /proc: one process burns a core's worth during the load, one idles, one is our own child. */
    @Test
    void findsTheBusyProcessAndSkipsOurOwn() throws Exception {
        long self = ProcessHandle.current().pid();
        process(100, "backup", 1, 0);
        process(101, "idle", 1, 0);
        process(102, "our-helper", self, 0);
        process(self, "java", 1, 0);
        Files.writeString(proc.resolve("loadavg"), "1.50 1.00 0.50 2/100 999\n");
        Files.createDirectories(proc.resolve("self"));
        Files.writeString(proc.resolve("self/status"), "Cpus_allowed_list:\t0\n");
        MachineMonitor m = MachineMonitor.start(proc, Duration.ofMillis(50), "0", 20);
        m.loadStarts();
        long t0 = System.nanoTime();
        for (int i = 1; i <= 6; i++) {
            Thread.sleep(50);
            long ticks = (System.nanoTime() - t0) / 10_000_000L; // one core's worth of ticks so far
            process(100, "backup", 1, ticks);
            process(102, "our-helper", self, ticks);
            process(self, "java", 1, ticks);
        }
        MachineActivity a = m.stop();
        assertEquals("0", a.cpus());
        assertEquals("0", a.cpusAllowed());
        assertEquals(1.5, a.during().loadAverage1());
        assertEquals(java.util.List.of(100L), a.during().busiest().stream().map(BusyProcess::pid).toList(),
                "only the busy other process: " + a.during().busiest());
        assertTrue(a.during().busiest().get(0).peakPercentOfCore() > 50, a.toString());
        assertTrue(a.wasBusy());
        assertTrue(a.before().busiest().isEmpty(), "nothing was busy before: " + a.before());
        assertTrue(a.unavailable().isEmpty(), a.unavailable().toString());
        assertTrue(m.stop() == a, "idempotent");
    }

    @Test
    void anUnreadableProcIsANoteNotACrash() {
        MachineMonitor m = MachineMonitor.start(proc.resolve("missing"), Duration.ofMillis(20), null, 20);
        m.loadStarts();
        MachineActivity a = m.stop();
        assertFalse(a.wasBusy());
        assertNull(a.cpusAllowed());
        assertTrue(Double.isNaN(a.during().loadAverage1()));
        assertFalse(a.unavailable().isEmpty());
    }

    /**
     * On this machine's /proc: a busy process started by a shell (not our child) is found. Also prints
     * what one read of /proc costs, for the README (not asserted).
     */
    @Test
    void findsARealBusyProcessAndPrintsTheCostOfAReading() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "Linux /proc");
        Process shell = new ProcessBuilder("sh", "-c", "sh -c 'while :; do :; done' & wait").start();
        try {
            // Every process listed, not the five busiest: on a shared machine other builds may outrank the loop.
            MachineMonitor m = MachineMonitor.start(Path.of("/proc"), Duration.ofMillis(300), null, 20,
                    Integer.MAX_VALUE);
            m.loadStarts();
            Thread.sleep(1500);
            MachineActivity a = m.stop();
            Set<Long> busyLoop = shell.descendants().map(ProcessHandle::pid).collect(java.util.stream.Collectors.toSet());
            assertTrue(a.during().busiest().stream().anyMatch(p -> busyLoop.contains(p.pid())
                            && p.peakPercentOfCore() >= p.meanPercentOfCore() && p.meanPercentOfCore() > 0),
                    "the shell's busy loop " + busyLoop + " among " + a.during().busiest());
            assertNotNull(a.cpusAllowed());
            int reads = 20;
            for (int i = 0; i < 30; i++) {
                ProcessTable.read(Path.of("/proc"), Set.of()); // warm the JIT first, as a long run does
            }
            var bean = java.lang.management.ManagementFactory.getThreadMXBean();
            long t0 = bean.getCurrentThreadCpuTime(); // CPU, not wall time: the machine may be shared
            int processes = 0;
            for (int i = 0; i < reads; i++) {
                processes = ProcessTable.read(Path.of("/proc"), Set.of()).processes().size();
            }
            double ms = (bean.getCurrentThreadCpuTime() - t0) / 1e6 / reads;
            System.out.printf("noise guard: one /proc reading of %d processes costs %.2f ms of CPU; at one every %d s that "
                    + "is %.3f%% of a core; this run's monitor used %.1f ms of CPU over %.1f s%n", processes, ms,
                    MachineMonitor.DEFAULT_PERIOD.toSeconds(), ms / MachineMonitor.DEFAULT_PERIOD.toMillis() * 100,
                    a.monitorCpuMs(), a.during().windowSeconds());
        } finally {
            shell.descendants().forEach(ProcessHandle::destroyForcibly);
            shell.destroyForcibly();
        }
    }
}
