package io.inferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inferbench run --resume RUN_DIR} after a parent killed mid-run. */
class ResumeTest {
    private static final String SCENARIO = """
            name: resumable
            backend: { name: synthetic }
            run: { warmup: 5, min-duration: 200ms, min-queries: 20 }
            matrix:
              latency:
                set: backend.options.latency-ms
                values: [1, 2, 3]
            """;

    @TempDir
    Path dir;

    /** Runs the scenario to the end and returns its run folder. */
    private Path completeRun() throws Exception {
        Path s = dir.resolve("resumable.yaml");
        Files.writeString(s, SCENARIO);
        CliRun r = CliRun.of("run", s.toString(), "--out", dir.resolve("results").toString(), "--no-report", "--in-process");
        assertEquals(0, r.exitCode(), r.toString());
        try (Stream<Path> runs = Files.list(dir.resolve("results"))) {
            return runs.findFirst().orElseThrow();
        }
    }

    /** What a parent killed before finishing configuration {@code missing} (0-based) would have left. */
    private static RunResult killedBefore(RunResult full, Path runDir, int missing) throws Exception {
        List<ConfigurationResult> left = new ArrayList<>(full.configurations());
        left.remove(missing);
        RunResult truncated = full.withConfigurations(left, null);
        ResultJson.write(truncated, runDir.resolve("result.json"));
        return truncated;
    }

    private static String json(Object o) throws Exception {
        return ResultJson.mapper().writeValueAsString(o);
    }

    @Test
    void onlyTheMissingConfigurationRuns() throws Exception {
        Path runDir = completeRun();
        RunResult full = ResultJson.read(runDir.resolve("result.json"));
        assertEquals(3, full.configurations().size());
        killedBefore(full, runDir, 2);

        CliRun r = CliRun.of("run", "--resume", runDir.toString(), "--no-report", "--in-process");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("resuming: 2 of 3 configurations already done"), r.out());
        assertTrue(r.out().contains("[3/3] latency=3"), r.out());
        assertFalse(r.out().contains("[1/3]") || r.out().contains("[2/3]"), r.out());

        RunResult resumed = ResultJson.read(runDir.resolve("result.json"));
        assertEquals(full.runId(), resumed.runId());
        assertEquals(full.startedAt(), resumed.startedAt());
        assertNotNull(resumed.finishedAt());
        assertEquals(3, resumed.configurations().size());
        for (int i = 0; i < 2; i++) {
            assertEquals(json(full.configurations().get(i)), json(resumed.configurations().get(i)),
                    "configuration " + (i + 1) + " kept byte for byte");
        }
        ConfigurationResult third = resumed.configurations().get(2);
        assertEquals("latency=3", third.label());
        assertEquals(ConfigurationStatus.OK, third.status(), third.outcome().reason());
        assertFalse(json(full.configurations().get(2).measurement()).equals(json(third.measurement())),
                "the third configuration was measured again");
    }

    @Test
    void aMissingConfigurationInTheMiddleKeepsMatrixOrderAndTheReport() throws Exception {
        Path runDir = completeRun();
        RunResult full = ResultJson.read(runDir.resolve("result.json"));
        killedBefore(full, runDir, 1);

        Path scenario = dir.resolve("resumable.yaml");
        CliRun r = CliRun.of("run", scenario.toString(), "--resume", runDir.toString(), "--in-process");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("[2/3] latency=2"), r.out());
        RunResult resumed = ResultJson.read(runDir.resolve("result.json"));
        assertEquals(List.of("c01", "c02", "c03"), resumed.configurations().stream().map(ConfigurationResult::id)
                .toList());
        assertEquals(json(full.configurations().get(2)), json(resumed.configurations().get(2)));
        assertTrue(Files.exists(runDir.resolve("report.html")));
    }

    @Test
    void aChangedScenarioIsNotResumed() throws Exception {
        Path runDir = completeRun();
        Path s = dir.resolve("resumable.yaml");
        Files.writeString(s, SCENARIO.replace("[1, 2, 3]", "[1, 2, 4]"));
        CliRun r = CliRun.of("run", "--resume", runDir.toString(), "--in-process");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("is not the scenario " + runDir + " ran"), r.err());
    }

    @Test
    void aFolderWithoutResultIsBadInput() {
        CliRun r = CliRun.of("run", "--resume", dir.toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--resume: no result.json in " + dir), r.err());
    }

    @Test
    void noScenarioAndNoResumeIsBadInput() {
        CliRun r = CliRun.of("run");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("missing SCENARIO"), r.err());
    }
}
