package io.inferbench.adapter.tensorflow.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.adapter.tensorflow.convert.Parity.Data;
import io.inferbench.api.ModelConverter;
import io.inferbench.testsupport.ModelJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real all-MiniLM-L6-v2 encoder (fp32, opset 11), converted once and run on TensorFlow against
 * ONNX Runtime on token-like inputs of several shapes; and ONNX Runtime's int8 of it.
 */
class MiniLmParityTest {
    /** Max abs error allowed on last_hidden_state (values are O(1); 6 layers of fp32 reassociation). */
    private static final double TOLERANCE = 1e-4;

    @TempDir
    static Path dir;

    private static Path onnx;
    private static Path savedModel;
    private static ModelConverter.Conversion conversion;

    @BeforeAll
    static void convert() throws Exception {
        onnx = ModelJars.extract(ModelJars.MINILM, dir);
        savedModel = dir.resolve("minilm-savedmodel");
        conversion = new OnnxToTensorFlow().convert(onnx, savedModel);
    }

    private static Map<String, Data> tokens(Random random, int batch, int seq) {
        long[] ids = new long[batch * seq];
        long[] mask = new long[batch * seq];
        for (int b = 0; b < batch; b++) {
            int length = b == 0 ? seq : Math.max(1, seq - 1 - random.nextInt(seq / 2));
            for (int s = 0; s < seq; s++) {
                ids[b * seq + s] = 1000 + random.nextInt(1000);
                mask[b * seq + s] = s < length ? 1 : 0;
            }
        }
        return Map.of("input_ids", Data.of(ids, batch, seq), "attention_mask", Data.of(mask, batch, seq),
                "token_type_ids", Data.of(new long[batch * seq], batch, seq));
    }

    @Test
    void lastHiddenStateMatchesOnnxRuntimeForSeveralShapes() throws Exception {
        var random = new Random(7);
        var inputSets = List.of(tokens(random, 2, 16), tokens(random, 1, 128), tokens(random, 3, 7));
        var tf = Parity.runTf(savedModel, inputSets);
        byte[] model = Files.readAllBytes(onnx);
        for (int i = 0; i < inputSets.size(); i++) {
            var ort = Parity.runOrt(model, inputSets.get(i));
            double max = Parity.assertClose(ort, tf.get(i), TOLERANCE);
            System.out.printf("MiniLM parity %s: max abs error %.3g%n",
                    java.util.Arrays.toString(inputSets.get(i).get("input_ids").shape()), max);
        }
    }

    @Test
    void conversionReportsOperatorsAndSignature() {
        assertTrue(conversion.operators().contains("MatMul x 48"), conversion.operators().toString());
        assertTrue(conversion.operators().contains("Erf x 6"), conversion.operators().toString());
        assertEquals(savedModel, conversion.target());
        assertTrue(Files.isRegularFile(savedModel.resolve("saved_model.pb")));
        try (var bundle = org.tensorflow.SavedModelBundle.load(savedModel.toString(), "serve")) {
            var signature = bundle.function("serving_default").signature();
            assertEquals(java.util.Set.of("input_ids", "attention_mask", "token_type_ids"), signature.inputNames());
            assertEquals(java.util.Set.of("last_hidden_state"), signature.outputNames());
        }
    }

    /**
     * ONNX Runtime's own int8 of the model (the {@code -q} artifact: DynamicQuantizeLinear, MatMulInteger, a uint8
     * embedding table behind DequantizeLinear) converts and runs on TensorFlow. Each operator matches ONNX Runtime
     * exactly ({@link QuantizationOpsParityTest}), but the whole model cannot: a float difference of 1e-6 upstream
     * (TensorFlow's Erf, its reductions) moves an activation across a rounding boundary now and then, one int8
     * step, and 24 quantizations amplify it (measured: token states up to 0.2 apart, while the int8 model itself is
     * 0.6 from fp32). So the check is the one that matters for an int8 model: the sentence embeddings agree with
     * ONNX Runtime's int8, and are as close to fp32 as ONNX Runtime's int8 is.
     */
    @Test
    void int8ModelConvertsAndAgreesWithOnnxRuntimesInt8AsCloselyAsWithFp32() throws Exception {
        Path int8 = ModelJars.extract(ModelJars.MINILM_Q, dir);
        Path saved = dir.resolve("int8-savedmodel");
        var converted = new OnnxToTensorFlow().convert(int8, saved);
        assertTrue(converted.operators().contains("MatMulInteger x 36"), converted.operators().toString());
        assertTrue(converted.operators().contains("DynamicQuantizeLinear x 24"), converted.operators().toString());
        var random = new Random(11);
        var inputSets = List.of(tokens(random, 2, 16), tokens(random, 1, 128), tokens(random, 3, 24));
        var tf = Parity.runTf(saved, inputSets);
        byte[] q = Files.readAllBytes(int8);
        byte[] fp32 = Files.readAllBytes(onnx);
        for (int i = 0; i < inputSets.size(); i++) {
            var in = inputSets.get(i);
            long[] mask = in.get("attention_mask").longs();
            float[][] tfQ = pooled(tf.get(i).get("last_hidden_state"), mask);
            float[][] ortQ = pooled(Parity.runOrt(q, in).get("last_hidden_state"), mask);
            float[][] ortF = pooled(Parity.runOrt(fp32, in).get("last_hidden_state"), mask);
            double withOrt = minCosine(tfQ, ortQ);
            double tfToFp32 = minCosine(tfQ, ortF);
            double ortToFp32 = minCosine(ortQ, ortF);
            System.out.printf("MiniLM int8 on TensorFlow %s: pooled cosine vs ONNX Runtime int8 %.5f; vs fp32 %.5f"
                    + " (ONNX Runtime int8 vs fp32 %.5f)%n", java.util.Arrays.toString(in.get("input_ids").shape()),
                    withOrt, tfToFp32, ortToFp32);
            assertTrue(withOrt >= 0.995, "pooled cosine with ONNX Runtime's int8: " + withOrt);
            assertTrue(tfToFp32 >= ortToFp32 - 0.01, "vs fp32: " + tfToFp32 + ", ONNX Runtime's int8 " + ortToFp32);
        }
    }

    /** Mean of each row's attended token states. */
    private static float[][] pooled(Data states, long[] mask) {
        int batch = (int) states.shape()[0];
        int seq = (int) states.shape()[1];
        int dim = (int) states.shape()[2];
        float[][] out = new float[batch][dim];
        for (int b = 0; b < batch; b++) {
            int n = 0;
            for (int s = 0; s < seq; s++) {
                if (mask[b * seq + s] == 0) {
                    continue;
                }
                n++;
                for (int d = 0; d < dim; d++) {
                    out[b][d] += states.floats()[(b * seq + s) * dim + d];
                }
            }
            for (int d = 0; d < dim; d++) {
                out[b][d] /= n;
            }
        }
        return out;
    }

    private static double minCosine(float[][] a, float[][] b) {
        double min = 1;
        for (int r = 0; r < a.length; r++) {
            double dot = 0;
            double na = 0;
            double nb = 0;
            for (int d = 0; d < a[r].length; d++) {
                dot += a[r][d] * b[r][d];
                na += a[r][d] * a[r][d];
                nb += b[r][d] * b[r][d];
            }
            min = Math.min(min, dot / Math.sqrt(na * nb));
        }
        return min;
    }

    @Test
    void registeredAsModelConverter() {
        var names = ServiceLoader.load(ModelConverter.class).stream().map(p -> p.get().name()).toList();
        assertTrue(names.contains("onnx-to-tensorflow"), names.toString());
    }
}
