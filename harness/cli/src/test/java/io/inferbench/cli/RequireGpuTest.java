package io.inferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --require-gpu}: a GPU configuration without a GPU is an error before anything is measured. */
class RequireGpuTest {
    private static final String SCENARIO = """
            name: gpu-wanted
            backend: { name: synthetic }
            run: { warmup: 2, min-duration: 100ms, min-queries: 5 }
            matrix:
              device:
                set: hardware.device
                values: [cpu, gpu]
            """;

    @TempDir
    Path dir;

    private Path scenario() throws Exception {
        Path s = dir.resolve("gpu.yaml");
        Files.writeString(s, SCENARIO);
        return s;
    }

    @Test
    void aMissingGpuFailsTheRunBeforeMeasuring() throws Exception {
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("run", scenario().toString(), "--out", out.toString(), "--require-gpu");
        assertEquals(Main.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--require-gpu: no GPU found for 1 configuration; nothing was measured"),
                r.err());
        assertTrue(r.err().contains("c02 device=gpu (synthetic on gpu:0)"), r.err());
        assertFalse(r.err().contains("c01"), "the CPU configuration is not named: " + r.err());
        assertFalse(Files.exists(out), "no run folder: nothing started");
    }

    @Test
    void withoutTheFlagItIsSkippedAndTheRunSucceeds() throws Exception {
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("run", scenario().toString(), "--out", out.toString(), "--no-report", "--in-process");
        assertEquals(Main.OK, r.exitCode(), r.toString());
        try (Stream<Path> runs = Files.list(out)) {
            RunResult result = ResultJson.read(runs.findFirst().orElseThrow().resolve("result.json"));
            assertEquals(ConfigurationStatus.OK, result.configurations().get(0).status());
            assertEquals(ConfigurationStatus.SKIPPED, result.configurations().get(1).status());
        }
    }
}
