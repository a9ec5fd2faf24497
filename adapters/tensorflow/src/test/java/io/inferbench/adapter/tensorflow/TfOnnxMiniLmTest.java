package io.inferbench.adapter.tensorflow;

import io.inferbench.api.DType;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelSession;
import io.inferbench.api.PreparedInput;
import io.inferbench.api.Runner;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;
import io.inferbench.testsupport.MiniLm;
import io.inferbench.testsupport.ModelJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.inferbench.adapter.tensorflow.TfTestModels.request;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real all-MiniLM-L6-v2 fp32 ONNX model opened through the adapter: converted by the convert
 * package's converter on first open, reused from the cache on the second.
 */
class TfOnnxMiniLmTest {
    @TempDir
    Path dir;

    @Test
    void convertsRunsAndReuses() throws Exception {
        Path onnx = ModelJars.extract(ModelJars.MINILM, dir);
        TfBackendProvider provider = new TfBackendProvider();
        Path converted;
        try (ModelSession session = provider.open(request(onnx, ModelFormat.ONNX, Map.of("intra-op-threads", 2L)));
             Runner runner = session.newRunner()) {
            Map<String, String> p = session.properties();
            assertEquals("onnx", p.get("converted-from"));
            assertTrue(p.get("converter").startsWith("onnx-to-tensorflow v"), p.toString());
            converted = Path.of(p.get("converted-model"));
            assertTrue(Files.isRegularFile(converted.resolve("saved_model.pb")));
            // The ONNX model's order: the converter creates the placeholders in that order.
            assertEquals(List.of("input_ids", "attention_mask", "token_type_ids"),
                    session.inputs().stream().map(TensorSpec::name).toList());
            session.inputs().forEach(s -> assertEquals(DType.INT64, s.dtype(), s.toString()));

            int batch = 2;
            int seq = 16;
            PreparedInput input = runner.prepare(MiniLm.inputs(batch, seq, 0));
            runner.run(input);
            Tensor hidden = runner.runAndFetch(input).get(session.outputs().get(0).name());
            assertArrayEquals(new long[]{batch, seq, 384}, hidden.shape());
            for (float v : hidden.toFloatArray()) {
                assertTrue(Float.isFinite(v));
            }
        }
        int conversions = TfConversion.CONVERSIONS.get();
        long modified = Files.getLastModifiedTime(converted).toMillis();
        try (ModelSession again = provider.open(request(onnx, ModelFormat.ONNX, Map.of()))) {
            assertEquals("reused from the cache", again.properties().get("conversion"));
            assertEquals(converted.toString(), again.properties().get("converted-model"));
        }
        assertEquals(conversions, TfConversion.CONVERSIONS.get(), "no reconversion");
        assertEquals(modified, Files.getLastModifiedTime(converted).toMillis());
    }
}
