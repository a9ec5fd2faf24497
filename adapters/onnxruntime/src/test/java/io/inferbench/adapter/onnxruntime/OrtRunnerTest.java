package io.inferbench.adapter.onnxruntime;

import io.inferbench.api.BackendException;
import io.inferbench.api.DType;
import io.inferbench.api.ModelSession;
import io.inferbench.api.PreparedInput;
import io.inferbench.api.Runner;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;
import io.inferbench.testsupport.HostTensors;
import io.inferbench.testsupport.TinyOnnx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runner mechanics on a tiny Identity model: every element type, buffers, fixed dims, lifecycle. */
class OrtRunnerTest {
    private static final List<DType> TYPES = List.of(DType.FLOAT32, DType.FLOAT64, DType.FLOAT16, DType.BFLOAT16,
            DType.INT8, DType.UINT8, DType.INT16, DType.INT32, DType.INT64, DType.BOOL);

    @TempDir
    Path dir;

    private ModelSession open(byte[] model) throws BackendException {
        return new OrtBackendProvider().open(TestModels.request(TestModels.write(dir, "m.onnx", model), Map.of()));
    }

    @Test
    void everyElementTypeRoundTrips() throws Exception {
        try (ModelSession session = open(TinyOnnx.identities(TYPES)); Runner runner = session.newRunner()) {
            assertEquals(TYPES, session.inputs().stream().map(TensorSpec::dtype).toList());
            assertEquals(List.of("n"), session.inputs().get(0).dimNames());

            Map<String, Tensor> inputs = new LinkedHashMap<>();
            Random random = new Random(7);
            for (DType t : TYPES) {
                inputs.put("x_" + t.id(), randomTensor(t, 5, random, true));
            }
            Map<String, Tensor> outputs = runner.runAndFetch(runner.prepare(inputs));

            assertEquals(TYPES.stream().map(t -> "y_" + t.id()).toList(), List.copyOf(outputs.keySet()));
            for (DType t : TYPES) {
                assertEquals(inputs.get("x_" + t.id()), outputs.get("y_" + t.id()), t.id());
            }
        }
    }

    @Test
    void heapBuffersAreCopiedToo() throws Exception {
        try (ModelSession session = open(TinyOnnx.identities(List.of(DType.FLOAT32)));
             Runner runner = session.newRunner()) {
            Tensor heap = randomTensor(DType.FLOAT32, 3, new Random(1), false);
            Tensor out = runner.runAndFetch(runner.prepare(Map.of("x_float32", heap))).get("y_float32");
            assertEquals(heap, out);
        }
    }

    @Test
    void fixedDimensionsAreChecked() throws Exception {
        try (ModelSession session = open(TinyOnnx.singleOp("Relu", 1, 13)); Runner runner = session.newRunner()) {
            assertArrayEquals(new long[] {2, 3}, session.inputs().get(0).shape());
            long[] shape = {2, 4};
            Tensor wrong = new Tensor(DType.FLOAT32, shape, Tensor.allocate(DType.FLOAT32, shape));
            BackendException e = assertThrows(BackendException.class, () -> runner.prepare(Map.of("x", wrong)));
            assertEquals("input 'x' has shape [2, 4] but the model expects float32[2,3] (dimension 1 must be 3)",
                    e.getMessage());
        }
    }

    @Test
    void closedRunnersAndForeignInputsAreRejected() throws Exception {
        ModelSession session = open(TinyOnnx.identities(List.of(DType.INT64)));
        Map<String, Tensor> inputs = Map.of("x_int64", HostTensors.int64(new long[] {2}, 1, 2));
        Runner first = session.newRunner();
        Runner second = session.newRunner();
        PreparedInput input = first.prepare(inputs);

        BackendException foreign = assertThrows(BackendException.class, () -> second.run(input));
        assertTrue(foreign.getMessage().contains("not made by this runner"), foreign.getMessage());

        first.close();
        first.close(); // idempotent
        assertThrows(BackendException.class, () -> first.run(input));

        PreparedInput other = second.prepare(inputs);
        second.run(other);
        session.close(); // closes the runners it created
        session.close(); // idempotent
        assertThrows(BackendException.class, () -> second.run(other));
        assertThrows(BackendException.class, session::newRunner);
    }

    /** A tensor of {@code n} random elements; BOOL gets 0/1 only, floats get finite values. */
    private static Tensor randomTensor(DType t, int n, Random random, boolean direct) {
        long[] shape = {n};
        ByteBuffer b = direct ? Tensor.allocate(t, shape)
                : ByteBuffer.allocate(n * t.byteSize()).order(ByteOrder.nativeOrder());
        for (int i = 0; i < n; i++) {
            switch (t) {
                case FLOAT32 -> b.putFloat(random.nextFloat());
                case FLOAT64 -> b.putDouble(random.nextDouble());
                // 0x3C00 = 1.0 in half and 0x3F80 = 1.0 in bfloat16, plus small random mantissas
                case FLOAT16 -> b.putShort((short) (0x3C00 | random.nextInt(0x3FF)));
                case BFLOAT16 -> b.putShort((short) (0x3F80 | random.nextInt(0x7F)));
                case INT8, UINT8 -> b.put((byte) random.nextInt());
                case BOOL -> b.put((byte) random.nextInt(2));
                case INT16 -> b.putShort((short) random.nextInt());
                case INT32 -> b.putInt(random.nextInt());
                case INT64 -> b.putLong(random.nextLong());
                default -> throw new IllegalArgumentException(t.id());
            }
        }
        return new Tensor(t, shape, b.flip());
    }
}
