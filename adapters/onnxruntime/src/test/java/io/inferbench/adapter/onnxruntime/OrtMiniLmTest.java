package io.inferbench.adapter.onnxruntime;

import io.inferbench.api.BackendException;
import io.inferbench.api.DType;
import io.inferbench.api.ModelSession;
import io.inferbench.api.PreparedInput;
import io.inferbench.api.Runner;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;
import io.inferbench.testsupport.HostTensors;
import io.inferbench.testsupport.MiniLm;
import io.inferbench.testsupport.ModelJars;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real int8 all-MiniLM-L6-v2 model, from the langchain4j test dependency. */
class OrtMiniLmTest {
    private static final List<String> INPUTS = List.of("input_ids", "attention_mask", "token_type_ids");

    @TempDir
    static Path dir;
    private static ModelSession session;

    @BeforeAll
    static void open() throws BackendException {
        Path model = ModelJars.extract(ModelJars.MINILM_Q, dir);
        session = new OrtBackendProvider().open(TestModels.request(model, Map.of("intra-op-threads", 1L)));
    }

    @AfterAll
    static void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void describesInputsAndOutputs() {
        assertEquals(INPUTS, session.inputs().stream().map(TensorSpec::name).toList());
        for (TensorSpec in : session.inputs()) {
            assertEquals(DType.INT64, in.dtype(), in.toString());
            assertEquals(2, in.rank());
            assertArrayEquals(new long[] {-1, -1}, in.shape());
            assertEquals(List.of("batch_size", "sequence_length"), in.dimNames());
        }
        TensorSpec out = session.outputs().get(0);
        assertEquals("last_hidden_state", out.name());
        assertEquals(DType.FLOAT32, out.dtype());
        assertArrayEquals(new long[] {-1, -1, 384}, out.shape());
        assertEquals("float32[batch_size,sequence_length,384]", out.describe());
        assertEquals("1", session.properties().get("intra-op-threads"));
    }

    @Test
    void runsABatchDeterministically() throws Exception {
        try (Runner runner = session.newRunner()) {
            PreparedInput a = runner.prepare(MiniLm.inputs(2, 16, 1));
            PreparedInput b = runner.prepare(MiniLm.inputs(2, 16, 2));

            runner.run(a); // the timed path: no outputs, must simply not fail
            Tensor outA = runner.runAndFetch(a).get("last_hidden_state");
            Tensor outA2 = runner.runAndFetch(a).get("last_hidden_state");
            Tensor outB = runner.runAndFetch(b).get("last_hidden_state");

            assertEquals(DType.FLOAT32, outA.dtype());
            assertArrayEquals(new long[] {2, 16, 384}, outA.shape());
            float[] va = outA.toFloatArray();
            assertEquals(2 * 16 * 384, va.length);
            for (float v : va) {
                assertTrue(Float.isFinite(v), "non-finite output " + v);
            }
            assertEquals(outA, outA2, "same input, same session: identical output");
            assertFalse(Arrays.equals(va, outB.toFloatArray()), "different inputs, different outputs");
            // the two rows of one batch hold different sentences too
            int row = 16 * 384;
            assertFalse(Arrays.equals(Arrays.copyOfRange(va, 0, row), Arrays.copyOfRange(va, row, va.length)));
        }
    }

    @Test
    void wrongInputNameIsNamed() throws Exception {
        Map<String, Tensor> inputs = new LinkedHashMap<>(MiniLm.inputs(1, 8, 0));
        inputs.put("segment_ids", inputs.remove("token_type_ids"));
        BackendException e = prepareFails(inputs);
        assertTrue(e.getMessage().startsWith("unknown input 'segment_ids'"), e.getMessage());
        assertTrue(e.getMessage().contains("token_type_ids"), e.getMessage());
    }

    @Test
    void missingInputIsNamed() throws Exception {
        Map<String, Tensor> inputs = new LinkedHashMap<>(MiniLm.inputs(1, 8, 0));
        inputs.remove("attention_mask");
        BackendException e = prepareFails(inputs);
        assertEquals("missing input 'attention_mask': the model expects int64[batch_size,sequence_length]",
                e.getMessage());
    }

    @Test
    void wrongDtypeIsNamed() throws Exception {
        Map<String, Tensor> inputs = new LinkedHashMap<>(MiniLm.inputs(1, 8, 0));
        inputs.put("input_ids", new Tensor(DType.INT32, new long[] {1, 8}, ByteBuffer.allocate(32)));
        BackendException e = prepareFails(inputs);
        assertEquals("input 'input_ids' is int32 but the model expects int64[batch_size,sequence_length]",
                e.getMessage());
    }

    @Test
    void wrongRankIsNamed() throws Exception {
        Map<String, Tensor> inputs = new LinkedHashMap<>(MiniLm.inputs(1, 8, 0));
        inputs.put("token_type_ids", HostTensors.int64(new long[] {8}, new long[8]));
        BackendException e = prepareFails(inputs);
        assertTrue(e.getMessage().startsWith("input 'token_type_ids' has shape [8] (rank 1)"), e.getMessage());
    }

    private static BackendException prepareFails(Map<String, Tensor> inputs) throws BackendException {
        try (Runner runner = session.newRunner()) {
            return assertThrows(BackendException.class, () -> runner.prepare(inputs));
        }
    }
}
