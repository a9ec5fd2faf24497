package io.inferbench.adapter.djl;

import io.inferbench.api.BackendProvider;
import io.inferbench.api.DType;
import io.inferbench.api.Device;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.Tensor;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;

/**
 * Providers by name, requests, and inputs for the PaddleOCR classifier; the models and MiniLM inputs are
 * the shared {@code io.inferbench.testsupport} fixtures.
 */
final class DjlTestModels {
    private DjlTestModels() {
    }

    static BackendProvider provider(String name) {
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalStateException("no backend provider named " + name);
    }

    static ModelLoadRequest request(Path model, ModelFormat format, Map<String, Object> options) {
        return new ModelLoadRequest(model, format, Device.CPU, options);
    }

    /** Seeded random images in [-1, 1] for the PaddleOCR classifier's input {@code x} [batch, 3, 48, 192]. */
    static Map<String, Tensor> clsInputs(int batch, long seed) {
        long[] shape = {batch, 3, 48, 192};
        ByteBuffer b = Tensor.allocate(DType.FLOAT32, shape);
        Random random = new Random(seed);
        long n = Tensor.elementCount(shape);
        for (long i = 0; i < n; i++) {
            b.putFloat(random.nextFloat() * 2 - 1);
        }
        return Map.of("x", new Tensor(DType.FLOAT32, shape, b.flip()));
    }

    /** Largest absolute difference between two float tensors of the same shape. */
    static double maxAbsDiff(Tensor a, Tensor b) {
        if (!java.util.Arrays.equals(a.shape(), b.shape())) {
            throw new AssertionError("shapes differ: " + a + " vs " + b);
        }
        float[] x = a.toFloatArray();
        float[] y = b.toFloatArray();
        double max = 0;
        for (int i = 0; i < x.length; i++) {
            if (Float.isNaN(x[i]) || Float.isNaN(y[i])) {
                return Double.NaN;
            }
            max = Math.max(max, Math.abs(x[i] - y[i]));
        }
        return max;
    }
}
