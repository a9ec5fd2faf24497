package io.inferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model a backend cannot run is reported as not supported, and the rest of the run goes on. */
class UnsupportedModelTest {
    @TempDir
    Path dir;

    @Test
    void aModelWithAnOperatorTheConverterLacksIsSkippedOnTensorFlowAndTheRunGoesOn() throws Exception {
        Path s = dir.resolve("mixed.yaml");
        Files.writeString(s, """
                name: unsupported
                run: { warmup: 2, min-duration: 200ms, min-queries: 10 }
                matrix:
                  system:
                    synthetic:
                      backend: { name: synthetic }
                    tf-lp:
                      model: { path: %s }
                      backend: { name: tensorflow }
                """.formatted(UnsupportedOnnx.lpNormalization(dir)));
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("run", s.toString(), "--out", out.toString(), "--in-process");
        assertEquals(0, r.exitCode(), "a skipped configuration is not a failure: " + r);
        Path runDir;
        try (Stream<Path> l = Files.list(out)) {
            runDir = l.findFirst().orElseThrow();
        }
        RunResult result = ResultJson.read(runDir.resolve("result.json"));
        assertEquals(ConfigurationStatus.OK, result.configurations().get(0).status());
        var tf = result.configurations().get(1);
        assertEquals(ConfigurationStatus.SKIPPED, tf.status());
        String why = tf.outcome().reason();
        assertTrue(why.startsWith("not supported by this backend") && why.contains("LpNormalization"), why);
    }
}
