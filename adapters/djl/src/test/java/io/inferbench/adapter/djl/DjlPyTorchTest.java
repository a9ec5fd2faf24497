package io.inferbench.adapter.djl;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.translate.NoopTranslator;
import io.inferbench.api.BackendException;
import io.inferbench.api.ModelFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DJL's PyTorch engine loads offline from the Maven Central natives (libtorch 2.7.1, JNI 2.7.1-0.35.1)
 * and computes. No TorchScript file ships in any package this machine reaches, so the engine runs a DJL
 * block (a linear layer with hand-set weights) through a Predictor, as the adapter's runners do.
 */
class DjlPyTorchTest {
    @TempDir
    Path dir;

    @Test
    void engineLoadsOfflineAndRunsABlock() throws Exception {
        DjlOptions options = DjlOptions.from(DjlTestModels.request(dir, ModelFormat.TORCHSCRIPT,
                Map.of("intra-op-threads", 1L)), DjlEngine.PYTORCH);
        Engine engine = DjlRuntime.engine(DjlEngine.PYTORCH, options);
        assertEquals("PyTorch", engine.getEngineName());
        assertEquals("2.7.1", engine.getVersion());
        assertEquals("true", System.getProperty("ai.djl.offline"));
        // The natives were extracted into DJL's cache inside the InferBench cache, not ~/.djl.ai.
        Path cache = Path.of(System.getProperty("DJL_CACHE_DIR"));
        assertTrue(cache.startsWith(io.inferbench.api.CacheDirectory.current()), cache.toString());
        try (var files = Files.walk(cache.resolve("pytorch"))) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().equals("libtorch_cpu.so")));
        }

        try (Model model = Model.newInstance("linear", ai.djl.Device.cpu(), "PyTorch")) {
            Linear linear = Linear.builder().setUnits(2).build();
            model.setBlock(linear);
            NDManager manager = model.getNDManager();
            linear.initialize(manager, DataType.FLOAT32, new Shape(1, 3));
            // y = x W^T + b with W = [[1,2,3],[4,5,6]], b = [0.5, -1]
            for (var p : linear.getParameters()) {
                Parameter parameter = p.getValue();
                NDArray value = parameter.getType() == Parameter.Type.WEIGHT
                        ? manager.create(new float[]{1, 2, 3, 4, 5, 6}, new Shape(2, 3))
                        : manager.create(new float[]{0.5f, -1f});
                parameter.getArray().set(value.toByteBuffer());
            }
            try (Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator(null));
                 NDManager inputs = manager.newSubManager()) {
                NDList out = predictor.predict(new NDList(inputs.create(new float[]{1, 1, 1, 2, 0, -1}, new Shape(2, 3))));
                assertArrayEquals(new float[]{6.5f, 14f, -0.5f, 1f}, out.singletonOrThrow().toFloatArray(), 1e-6f);
            }
        }
    }

    @Test
    void torchScriptNeedsDeclaredInputs() throws Exception {
        Path file = Files.writeString(dir.resolve("m.pt"), "not a zip");
        BackendException e = assertThrows(BackendException.class, () -> DjlTestModels.provider("djl-pytorch")
                .open(DjlTestModels.request(file, ModelFormat.TORCHSCRIPT, Map.of())));
        // The file is loaded first; a broken one fails there with the file named.
        assertTrue(e.getMessage().startsWith("cannot load " + file + " with DJL PyTorch: "), e.getMessage());
    }
}
