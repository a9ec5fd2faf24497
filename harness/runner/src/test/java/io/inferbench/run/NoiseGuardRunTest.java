package io.inferbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.MachineActivity;
import io.inferbench.result.RunResult;
import io.inferbench.scenario.CpuList;
import io.inferbench.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The noise guard on real forked runs: the machine's activity is recorded, and hardware.cpus pins the child. */
class NoiseGuardRunTest {
    private static final RunListener QUIET = new RunListener() {
    };

    @TempDir
    Path dir;

    @Test
    void aPinnedChildRunsOnItsCpusAndTheResultSaysSo() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/taskset")) || Files.isExecutable(Path.of("/bin/taskset")),
                "taskset (util-linux) installed");
        Scenario s = ForkRuns.scenario(dir, """
                name: pinned
                backend: { name: synthetic, options: { latency-ms: 1 } }
                run: { warmup: 5, min-duration: 200ms, min-queries: 10, busy-threshold: 35% }
                matrix:
                  pin:
                    cpu0: { hardware: { cpus: "0" } }
                    free: {}
                """);
        RunResult run = ForkRuns.run(ForkRuns.runner(dir), s, dir.resolve("run"), QUIET);
        ConfigurationResult pinned = ForkRuns.byLabel(run, "pin=cpu0");
        assertEquals(ConfigurationStatus.OK, pinned.status(), () -> pinned.outcome().reason());
        MachineActivity m = pinned.machine();
        assertNotNull(m, "the noise guard's record");
        assertEquals("0", m.cpus());
        assertEquals("0", m.cpusAllowed(), "the child saw only CPU 0");
        assertEquals("0", pinned.setup().settings().get("hardware.cpus"));
        assertEquals(35, m.busyThresholdPercent());
        assertNotNull(m.before());
        assertNotNull(m.during());
        assertTrue(m.during().windowSeconds() >= 0.2, "the load's window: " + m.during());
        assertTrue(m.monitorCpuMs() >= 0);

        MachineActivity free = ForkRuns.byLabel(run, "pin=free").machine();
        assertNull(free.cpus());
        assertEquals(CpuList.format(CpuList.online()), free.cpusAllowed(), "unpinned: every online CPU");
    }

    @Test
    void pinningInTheHarnessJvmFailsTheConfigurationClearly() throws Exception {
        Scenario s = ForkRuns.scenario(dir, """
                name: pinned-in-process
                backend: { name: synthetic, options: { latency-ms: 1 } }
                hardware: { cpus: "0" }
                run: { warmup: 2, min-duration: 100ms, min-queries: 5 }
                """);
        RunResult run = ForkRuns.runner(dir).inProcess(true).run(s, ForkRuns.prepare(s), dir.resolve("run"), QUIET);
        ConfigurationResult c = run.configurations().get(0);
        assertEquals(ConfigurationStatus.FAILED, c.status());
        assertTrue(c.outcome().reason().contains("hardware.cpus (0) pins a child JVM"), c.outcome().reason());
    }

    @Test
    void aPinnedChildIsStartedThroughTaskset() {
        ForkJvm jvm = ForkJvm.current();
        List<String> pinned = jvm.withJvmArgs("-Xmx1g").command(List.of(), "Main");
        assertEquals(jvm.java().toString(), pinned.get(0), "unpinned: java first");
        if (Files.isExecutable(Path.of("/usr/bin/taskset"))) {
            List<String> cmd = jvm.pinnedTo("0-1").withJvmArgs("-Xmx1g").command(List.of(), "Main");
            assertEquals(List.of("-c", "0-1"), cmd.subList(1, 3), cmd.toString());
            assertTrue(cmd.get(0).endsWith("taskset"));
            assertEquals(jvm.java().toString(), cmd.get(3));
        }
    }
}
