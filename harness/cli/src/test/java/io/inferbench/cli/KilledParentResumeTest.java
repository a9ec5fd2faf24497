package io.inferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.run.ForkJvm;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real parent killed with SIGKILL mid-run (each configuration in its child JVM, the default):
 * what it wrote survives, its children exit, and {@code --resume} runs only what was missing.
 */
class KilledParentResumeTest {
    private static final String SCENARIO = """
            name: killed
            backend: { name: synthetic }
            run: { warmup: 5, min-duration: 1500ms, min-queries: 20 }
            matrix:
              latency:
                set: backend.options.latency-ms
                values: [1, 2, 3]
            """;

    @TempDir
    Path dir;

    @Test
    void resumeAfterAKilledParentFinishesOnlyWhatWasMissing() throws Exception {
        Path scenario = dir.resolve("killed.yaml");
        Files.writeString(scenario, SCENARIO);
        Path out = dir.resolve("results");
        List<String> cmd = ForkJvm.current().command(List.of(), Main.class.getName(), "run", scenario.toString(),
                "--out", out.toString(), "--no-report");
        Process parent = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("parent.log").toFile()).start();
        Path resultFile;
        List<ProcessHandle> children;
        try {
            resultFile = awaitFirstConfiguration(out, parent);
            children = parent.descendants().toList();
        } finally {
            parent.destroyForcibly(); // SIGKILL: no shutdown hook runs
        }
        parent.waitFor();
        for (ProcessHandle child : children) {
            // A child whose parent is gone exits by itself (its stdin closes).
            child.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        }

        RunResult killed = ResultJson.read(resultFile);
        int done = killed.configurations().size();
        assertTrue(done >= 1 && done < 3, "killed mid-run: " + done + " of 3 configurations written\n"
                + Files.readString(dir.resolve("parent.log")));
        assertEquals(null, killed.finishedAt());
        for (ConfigurationResult c : killed.configurations()) {
            assertEquals(ConfigurationStatus.OK, c.status(), c.label() + ": " + c.outcome().reason());
        }

        Path runDir = resultFile.getParent();
        CliRun r = CliRun.of("run", "--resume", runDir.toString(), "--no-report");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("resuming: " + done + " of 3 configurations already done"), r.out());
        for (int i = 1; i <= 3; i++) {
            assertEquals(i > done, r.out().contains("[" + i + "/3]"), "configuration " + i + " ran again?\n" + r.out());
        }
        RunResult resumed = ResultJson.read(resultFile);
        assertEquals(killed.runId(), resumed.runId());
        assertEquals(3, resumed.configurations().size());
        assertTrue(resumed.finishedAt() != null);
        for (int i = 0; i < done; i++) {
            assertEquals(json(killed.configurations().get(i)), json(resumed.configurations().get(i)),
                    "a configuration finished before the kill is kept as it was");
        }
        for (ConfigurationResult c : resumed.configurations()) {
            assertEquals(ConfigurationStatus.OK, c.status(), c.label() + ": " + c.outcome().reason());
            assertFalse(c.phases().forks().isEmpty(), "measured in a child JVM");
        }
    }

    /** Waits until the running parent's result.json lists a configuration; returns the file. */
    private static Path awaitFirstConfiguration(Path out, Process parent) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!parent.isAlive()) {
                throw new AssertionError("the parent ended before it could be killed (exit " + parent.exitValue()
                        + ")");
            }
            if (Files.isDirectory(out)) {
                try (Stream<Path> runs = Files.list(out)) {
                    Path json = runs.map(d -> d.resolve("result.json")).filter(Files::isRegularFile).findFirst()
                            .orElse(null);
                    if (json != null && ResultJson.read(json).configurations().size() >= 1) {
                        return json;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no configuration finished within 120 s");
    }

    private static String json(Object o) throws Exception {
        return ResultJson.mapper().writeValueAsString(o);
    }
}
