package io.inferbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.RunResult;
import io.inferbench.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM that exits, hangs, runs out of heap or segfaults fails its configuration with the
 * reason and its stderr; the healthy configuration beside them still runs, and so does the run.
 */
class CrashIsolationTest {
    @TempDir
    Path dir;

    @Test
    void eachMisbehavingForkFailsItsConfigurationOnlyWithTheReason() throws Exception {
        Scenario s = ForkRuns.scenario(dir, """
                name: crashes
                backend: { name: synthetic, options: { latency-ms: 1 } }
                run: { forks: 1, warmup: 5, min-duration: 300ms, min-queries: 20, timeout: 5s }
                matrix:
                  system:
                    healthy: {}
                    exit: { backend: { name: misbehaving, options: { mode: exit } } }
                    hang: { backend: { name: misbehaving, options: { mode: hang } } }
                    oom: { backend: { name: misbehaving, options: { mode: oom } } }
                    segfault: { backend: { name: misbehaving, options: { mode: segfault } } }
                """);
        // A small heap so that 'oom' runs out quickly; no core file from 'segfault'.
        ForkJvm.Factory jvms = c -> c.backend().name().equals(MisbehavingBackendProvider.NAME)
                ? ForkJvm.current().withJvmArgs("-Xmx64m", "-XX:-CreateCoredumpOnCrash") : ForkJvm.current();
        Path runDir = dir.resolve("run");
        RunResult run = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> ForkRuns.run(ForkRuns.runner(dir).withForkJvms(jvms), s, runDir, RunListener.NONE));

        assertEquals(5, run.configurations().size());
        ConfigurationResult healthy = ForkRuns.byLabel(run, "system=healthy");
        assertEquals(ConfigurationStatus.OK, healthy.status(), healthy.outcome().reason());
        assertEquals(1, healthy.phases().forks().size());

        String exit = failed(run, "exit");
        assertTrue(exit.startsWith("fork 1 of 1: killed by signal 9 (SIGKILL), exit status 137"), exit);

        String hang = failed(run, "hang");
        assertTrue(hang.startsWith("fork 1 of 1: hung: no result after 5s (run.timeout)"), hang);

        String oom = failed(run, "oom");
        assertTrue(oom.startsWith("fork 1 of 1: ran out of memory: ") && oom.contains("OutOfMemoryError"), oom);

        String segfault = failed(run, "segfault");
        assertTrue(segfault.startsWith("fork 1 of 1: the JVM crashed with SIGSEGV"), segfault);
        assertTrue(Files.exists(runDir.resolve("logs/c05-fork1.hs_err.log")), "the crash report is kept");

        for (String mode : new String[] {"exit", "hang", "oom", "segfault"}) {
            String error = failed(run, mode);
            // The stderr tail names the mode the backend printed, and where the whole log is.
            assertTrue(error.contains("\n  misbehaving backend: mode " + mode), error);
            assertTrue(error.contains("logs/c0"), error);
        }
        assertTrue(run.anyFailed());
        assertTrue(run.finishedAt() != null, "the run went on to the end");
    }

    private static String failed(RunResult run, String mode) {
        ConfigurationResult c = ForkRuns.byLabel(run, "system=" + mode);
        assertEquals(ConfigurationStatus.FAILED, c.status(), mode + ": " + c.outcome().reason());
        assertTrue(c.phases().forks().isEmpty());
        return c.outcome().reason();
    }

    @Test
    void aLaterForkThatDiesKeepsTheEarlierForksMeasurements() throws Exception {
        Path marker = dir.resolve("first-jvm-was-here");
        Scenario s = ForkRuns.scenario(dir, """
                backend: { name: misbehaving, options: { mode: exit, spare-first: "%s" } }
                run: { forks: 3, warmup: 5, min-duration: 300ms, min-queries: 20, timeout: 30s }
                """.formatted(marker));
        RunResult run = ForkRuns.run(ForkRuns.runner(dir), s, dir.resolve("run"), RunListener.NONE);
        ConfigurationResult c = run.configurations().get(0);
        assertEquals(ConfigurationStatus.FAILED, c.status());
        String error = c.outcome().reason();
        assertTrue(error.startsWith("fork 2 of 3: killed by signal 9 (SIGKILL), exit status 137"), error);
        assertEquals(1, c.phases().forks().size(), "fork 1's measurement is kept, fork 3 never ran");
        assertTrue(c.phases().forks().get(0).queries() >= 20);
        assertTrue(Files.notExists(dir.resolve("run/logs/c01-fork3.stderr.log")));
    }
}
