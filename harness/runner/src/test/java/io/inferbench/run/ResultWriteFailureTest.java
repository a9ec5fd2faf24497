package io.inferbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import io.inferbench.scenario.ConfigurationSpec;
import io.inferbench.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A result that cannot be written mid-run (a full disk, a folder made read-only) stops the run:
 * result.json keeps what the last write put there, and the exception says so in one line, with
 * what was not written and how to finish.
 */
class ResultWriteFailureTest {
    @TempDir
    Path dir;

    @Test
    void aWriteFailureKeepsWhatWasWrittenAndSaysWhatWasNot() throws Exception {
        Scenario s = ForkRuns.scenario(dir, """
                name: unwritable
                backend: { name: synthetic, options: { latency-ms: 0.2 } }
                run: { forks: 0, warmup: 2, min-duration: 50ms, min-queries: 5 }
                matrix:
                  a: { set: backend.options.seed, values: [1, 2, 3] }
                """);
        Path runDir = Files.createDirectories(dir.resolve("run"));
        List<String> started = new ArrayList<>();
        RunListener lockAfterSecond = new RunListener() {
            @Override
            public void configurationStarted(int index, int total, ConfigurationSpec spec) {
                started.add(spec.id());
            }

            @Override
            public void configurationFinished(ConfigurationResult result) {
                if (result.id().equals("c02")) {
                    lock(runDir);
                }
            }
        };
        try {
            ResultWriteException e = null;
            try {
                ForkRuns.run(ForkRuns.runner(dir), s, runDir, lockAfterSecond);
            } catch (ResultWriteException thrown) {
                e = thrown;
            }
            Assumptions.assumeTrue(locked, "cannot make a folder unwritable here");
            assertTrue(e != null, "the run went on although its result could not be written");
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            assertTrue(e.getMessage().startsWith("could not write " + runDir.resolve("result.json") + " after c02 a=2 ("),
                    e.getMessage());
            assertTrue(e.getMessage().contains("it keeps the last result written, 1 of 3 configurations; the run "
                    + "stopped there"), e.getMessage());
            assertTrue(e.getMessage().endsWith("inferbench run --resume " + runDir), e.getMessage());
            assertEquals(List.of("c01", "c02"), started, "nothing more is measured once results cannot be kept");
        } finally {
            unlock(runDir);
        }
        RunResult kept = ResultJson.read(runDir.resolve("result.json"));
        assertEquals(List.of("c01"), kept.configurations().stream().map(ConfigurationResult::id).toList());
    }

    private boolean locked;

    /** Read-only for a user; immutable (chattr) for root, whom permissions do not stop. */
    private void lock(Path folder) {
        folder.toFile().setWritable(false);
        if (!writable(folder)) {
            locked = true;
            return;
        }
        try {
            locked = new ProcessBuilder("chattr", "+i", folder.toString()).start().waitFor() == 0 && !writable(folder);
        } catch (Exception e) {
            locked = false;
        }
    }

    private static boolean writable(Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, "probe", ".tmp"));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static void unlock(Path folder) throws Exception {
        new ProcessBuilder("chattr", "-i", folder.toString()).start().waitFor();
        folder.toFile().setWritable(true);
    }
}
