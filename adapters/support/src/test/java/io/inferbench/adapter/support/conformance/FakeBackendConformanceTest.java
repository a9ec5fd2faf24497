package io.inferbench.adapter.support.conformance;

import io.inferbench.api.BackendProvider;
import io.inferbench.api.Device;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.Tensor;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/** The suite on {@link FakeBackend}, which conforms: the support base classes give what the SPI asks. */
class FakeBackendConformanceTest extends BackendConformanceTest {
    @Override
    protected BackendProvider provider() {
        return new FakeBackend();
    }

    @Override
    protected ModelLoadRequest request(Path dir) {
        return new ModelLoadRequest(null, ModelFormat.NONE, Device.CPU, Map.of());
    }

    @Override
    protected Map<String, Tensor> inputs(int seed) {
        Random random = new Random(0x9E3779B97F4A7C15L * (seed + 1)); // spread: adjacent seeds start alike
        float[] x = new float[6];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat() * 10 - 5;
        }
        return Map.of("x", FakeBackend.tensor(new long[] {2, 3}, x));
    }

    @Override
    protected Map<String, float[]> expected(Map<String, Tensor> inputs) {
        return Map.of("y", FakeBackend.compute(inputs.get("x").toFloatArray()));
    }
}
