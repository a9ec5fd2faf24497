package io.inferbench.optimize;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.inferbench.onnx.proto.OnnxProto.ModelProto;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;

/** Real models from the test class path's jars, run through ONNX Runtime (test scope only). */
final class OrtModels {
    static final String MINILM = "all-minilm-l6-v2.onnx";
    static final String MINILM_Q = "all-minilm-l6-v2-q.onnx";
    static final String OCR_CLS = "models/ch_ppocr_mobile_v2.0_cls_infer.onnx";
    static final int BATCH = 4;
    static final int SEQ = 48;

    private OrtModels() {
    }

    static byte[] bytes(String resource) {
        try (InputStream in = OrtModels.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test class path (a test dependency holds it)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ModelProto model(String resource) throws IOException {
        return ModelProto.parseFrom(bytes(resource));
    }

    /**
     * MiniLM's mean-pooled sentence embeddings [BATCH][384] for deterministic token ids ([CLS] word pieces
     * [SEP], then padding: row b has SEQ - 6b tokens attended).
     */
    static float[][] pooledEmbeddings(byte[] model) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        long[] ids = new long[BATCH * SEQ];
        long[] mask = new long[BATCH * SEQ];
        for (int b = 0; b < BATCH; b++) {
            int length = SEQ - 6 * b;
            for (int s = 0; s < length; s++) {
                ids[b * SEQ + s] = s == 0 ? 101 : s == length - 1 ? 102 : 2000 + (b * 7919L + s * 613L) % 28000;
                mask[b * SEQ + s] = 1;
            }
        }
        long[] shape = {BATCH, SEQ};
        try (var options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(2);
            try (OrtSession session = env.createSession(model, options);
                 OnnxTensor idT = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                 OnnxTensor maskT = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                 OnnxTensor typeT = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[BATCH * SEQ]), shape)) {
                Map<String, OnnxTensor> inputs = new HashMap<>(Map.of("input_ids", idT, "attention_mask", maskT,
                        "token_type_ids", typeT));
                try (OrtSession.Result result = session.run(inputs)) {
                    float[][][] hidden = (float[][][]) result.get(0).getValue();
                    return meanPool(hidden, mask);
                }
            }
        }
    }

    /** Loads {@code model} and runs the PaddleOCR classifier on a fixed [1, 3, 48, 192] image. */
    static float[] ocrClassify(byte[] model) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        float[] image = TestGraphs.random(3 * 48 * 192, 11);
        try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions());
             OnnxTensor x = OnnxTensor.createTensor(env, java.nio.FloatBuffer.wrap(image), new long[] {1, 3, 48, 192});
             OrtSession.Result result = session.run(Map.of(session.getInputNames().iterator().next(), x))) {
            return ((float[][]) result.get(0).getValue())[0];
        }
    }

    private static float[][] meanPool(float[][][] hidden, long[] mask) {
        float[][] pooled = new float[hidden.length][hidden[0][0].length];
        for (int b = 0; b < hidden.length; b++) {
            int n = 0;
            for (int s = 0; s < hidden[b].length; s++) {
                if (mask[b * SEQ + s] == 1) {
                    n++;
                    for (int d = 0; d < pooled[b].length; d++) {
                        pooled[b][d] += hidden[b][s][d];
                    }
                }
            }
            for (int d = 0; d < pooled[b].length; d++) {
                pooled[b][d] /= n;
            }
        }
        return pooled;
    }

    /** The smallest cosine similarity between matching rows. */
    static double minCosine(float[][] a, float[][] b) {
        double min = 1;
        for (int r = 0; r < a.length; r++) {
            double dot = 0;
            double na = 0;
            double nb = 0;
            for (int d = 0; d < a[r].length; d++) {
                dot += (double) a[r][d] * b[r][d];
                na += (double) a[r][d] * a[r][d];
                nb += (double) b[r][d] * b[r][d];
            }
            min = Math.min(min, dot / Math.sqrt(na * nb));
        }
        return min;
    }
}
