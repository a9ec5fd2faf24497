package io.inferbench.adapter.tensorflow.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.adapter.tensorflow.convert.Parity.Data;
import io.inferbench.api.ModelConverter;
import io.inferbench.api.UnsupportedModelException;
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
 * ONNX Runtime on token-like inputs of several shapes; and its int8 variant, which must be refused.
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

    @Test
    void int8ModelIsRejectedNamingEveryUnsupportedOperator() {
        Path int8 = ModelJars.extract(ModelJars.MINILM_Q, dir);
        var e = assertThrows(UnsupportedModelException.class,
                () -> new OnnxToTensorFlow().convert(int8, dir.resolve("int8-savedmodel")));
        assertTrue(e.getMessage().startsWith("unsupported ONNX operators: "), e.getMessage());
        assertTrue(e.getMessage().contains("MatMulInteger (first at node "), e.getMessage());
        assertTrue(e.getMessage().contains("DynamicQuantizeLinear (first at node "), e.getMessage());
        assertTrue(!Files.exists(dir.resolve("int8-savedmodel")));
    }

    @Test
    void registeredAsModelConverter() {
        var names = ServiceLoader.load(ModelConverter.class).stream().map(p -> p.get().name()).toList();
        assertTrue(names.contains("onnx-to-tensorflow"), names.toString());
    }
}
