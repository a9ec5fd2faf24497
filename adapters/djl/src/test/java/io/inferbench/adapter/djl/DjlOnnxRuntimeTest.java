package io.inferbench.adapter.djl;

import io.inferbench.api.BackendException;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.DType;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelSession;
import io.inferbench.api.PreparedInput;
import io.inferbench.api.Runner;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;
import io.inferbench.testsupport.HostTensors;
import io.inferbench.testsupport.ModelJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** djl-onnxruntime on the real MiniLM model: declared inputs, runs, metrics, lifecycle. */
class DjlOnnxRuntimeTest {
    @TempDir
    static Path dir;

    @Test
    void declaresTheModelsTypedInputsAndRunsRepeatedly() throws Exception {
        BackendProvider djl = DjlTestModels.provider("djl-onnxruntime");
        Path model = ModelJars.extract(ModelJars.OCR_CLS, java.nio.file.Files.createTempDirectory(dir, "a"));
        try (ModelSession session = djl.open(DjlTestModels.request(model, ModelFormat.ONNX,
                Map.of(DjlOptions.INTRA_OP_THREADS, 1L, DjlOptions.METRICS.name(), true)))) {
            TensorSpec x = session.inputs().get(0);
            assertEquals("x", x.name());
            assertEquals(DType.FLOAT32, x.dtype());
            assertEquals(4, x.rank());
            assertEquals(3, x.shape()[1]);
            assertEquals(1, session.outputs().size());
            try (Runner runner = session.newRunner()) {
                PreparedInput in = runner.prepare(DjlTestModels.clsInputs(2, 7));
                // The same prepared input runs many times: DJL must not free it after a predict.
                for (int i = 0; i < 5; i++) {
                    runner.run(in);
                }
                Map<String, Tensor> first = runner.runAndFetch(in);
                Map<String, Tensor> second = runner.runAndFetch(in);
                Tensor probs = first.values().iterator().next();
                assertArrayEquals(new long[]{2, 2}, probs.shape());
                assertEquals(first, second);
                float[] p = probs.toFloatArray();
                assertEquals(1.0, p[0] + p[1], 1e-5, "softmax rows sum to 1");
            }
            Map<String, String> props = session.properties();
            assertEquals("0.36.0", props.get("djl-version"));
            assertEquals("1.29.0", props.get("onnxruntime"), props.toString());
            assertTrue(props.get("djl-inference-us").contains("(n=7)"), props.toString());
            assertEquals("true", props.get("djl-offline"));
        }
    }

    @Test
    void metricsAreOffByDefault() throws Exception {
        Path model = ModelJars.extract(ModelJars.OCR_CLS, java.nio.file.Files.createTempDirectory(dir, "b"));
        try (ModelSession session = DjlTestModels.provider("djl-onnxruntime").open(
                DjlTestModels.request(model, ModelFormat.ONNX, Map.of()))) {
            try (Runner runner = session.newRunner()) {
                runner.run(runner.prepare(DjlTestModels.clsInputs(1, 1)));
            }
            assertEquals("false", session.properties().get(DjlOptions.METRICS.name()));
            assertTrue(session.properties().keySet().stream().noneMatch(k -> k.startsWith("djl-inference")));
        }
    }

    @Test
    void closedSessionRefusesRunners() throws Exception {
        Path model = ModelJars.extract(ModelJars.OCR_CLS, java.nio.file.Files.createTempDirectory(dir, "c"));
        ModelSession session = DjlTestModels.provider("djl-onnxruntime").open(
                DjlTestModels.request(model, ModelFormat.ONNX, Map.of()));
        Runner runner = session.newRunner();
        PreparedInput in = runner.prepare(DjlTestModels.clsInputs(1, 3));
        session.close();
        assertThrows(BackendException.class, () -> runner.run(in));
        assertThrows(BackendException.class, session::newRunner);
        session.close(); // idempotent
    }

    @Test
    void wrongInputsAreNamed() throws Exception {
        Path model = ModelJars.extract(ModelJars.OCR_CLS, java.nio.file.Files.createTempDirectory(dir, "w"));
        try (ModelSession session = DjlTestModels.provider("djl-onnxruntime").open(
                DjlTestModels.request(model, ModelFormat.ONNX, Map.of()));
             Runner runner = session.newRunner()) {
            BackendException e = assertThrows(BackendException.class, () -> runner.prepare(
                    Map.of("x", HostTensors.int64(new long[]{1, 3, 48, 192}, new long[3 * 48 * 192]))));
            assertTrue(e.getMessage().contains("input 'x' is int64"), e.getMessage());
            e = assertThrows(BackendException.class, () -> runner.prepare(Map.of()));
            assertTrue(e.getMessage().contains("missing input 'x'"), e.getMessage());
            assertNotEquals(List.of(), session.inputs());
        }
    }
}
