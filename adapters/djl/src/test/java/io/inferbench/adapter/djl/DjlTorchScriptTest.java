package io.inferbench.adapter.djl;

import io.inferbench.api.DType;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelSession;
import io.inferbench.api.Runner;
import io.inferbench.api.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** djl-pytorch on a real TorchScript file, written in Java ({@link TorchScriptArchive}): y = 2x + 1. */
class DjlTorchScriptTest {
    @TempDir
    Path dir;

    @Test
    void runsAGeneratedTorchScriptModule() throws Exception {
        Path model = TorchScriptArchive.write(dir.resolve("affine.pt"));
        try (ModelSession session = DjlTestModels.provider("djl-pytorch").open(DjlTestModels.request(model,
                ModelFormat.TORCHSCRIPT, Map.of("input-specs", "x:float32[-1,3]")));
             Runner runner = session.newRunner()) {
            assertEquals("x", session.inputs().get(0).name());
            long[] shape = {2, 3};
            ByteBuffer b = Tensor.allocate(DType.FLOAT32, shape);
            for (float v : new float[]{0, 1, 2, -1, 0.5f, 10}) {
                b.putFloat(v);
            }
            Map<String, Tensor> out = runner.runAndFetch(runner.prepare(Map.of("x", new Tensor(DType.FLOAT32, shape,
                    b.flip()))));
            Tensor y = out.values().iterator().next();
            assertArrayEquals(shape, y.shape());
            assertArrayEquals(new float[]{1, 3, 5, -1, 2, 21}, y.toFloatArray(), 1e-6f);
        }
    }
}
