package io.inferbench.adapter.djl;

import io.inferbench.adapter.support.conformance.BackendConformanceTest;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.Tensor;
import io.inferbench.testsupport.HostTensors;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * The SPI's conformance suite on djl-pytorch, with the TorchScript module {@link TorchScriptArchive}
 * writes (y = 2x + 1). TorchScript declares no outputs; DJL names the unnamed result {@code output0}.
 */
class DjlPyTorchConformanceTest extends BackendConformanceTest {
    @Override
    protected BackendProvider provider() {
        return DjlTestModels.provider("djl-pytorch");
    }

    @Override
    protected ModelLoadRequest request(Path dir) throws Exception {
        return DjlTestModels.request(TorchScriptArchive.write(dir.resolve("affine.pt")), ModelFormat.TORCHSCRIPT,
                Map.of("input-specs", "x:float32[-1,3]"));
    }

    @Override
    protected boolean declaresOutputs() {
        return false;
    }

    @Override
    protected Map<String, Tensor> inputs(int seed) {
        Random random = new Random(0x9E3779B97F4A7C15L * (seed + 1));
        float[] x = new float[6];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat() * 4 - 2;
        }
        return Map.of("x", HostTensors.float32(new long[] {2, 3}, x));
    }

    @Override
    protected Map<String, float[]> expected(Map<String, Tensor> inputs) {
        float[] x = inputs.get("x").toFloatArray();
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 2 * x[i] + 1;
        }
        return Map.of("output0", y);
    }
}
