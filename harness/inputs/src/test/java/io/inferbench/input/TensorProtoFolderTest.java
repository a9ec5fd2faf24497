package io.inferbench.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.inferbench.api.DType;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;
import io.inferbench.scenario.Problem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ONNX's test-data layout ({@code test_data_set_N/input_M.pb}): TensorProto files written here by a
 * small protobuf writer (the input layer must not depend on harness/onnx's generated classes, and so
 * neither does its test), each field form the reader claims (packed and unpacked, raw and typed), each
 * mismatch with the model named with its file; and, when Debian's libonnx-testdata is installed, the
 * official files.
 */
class TensorProtoFolderTest {
    private static final List<TensorSpec> IMAGE = List.of(new TensorSpec("x", DType.FLOAT32, new long[] {-1, 2, 3}));
    private static final Path ONNX_NODE_TESTS = Path.of("/usr/share/libonnx-testdata/data/node");

    @TempDir
    Path dir;

    private static InputPlan plan(List<TensorSpec> model) {
        List<Problem> problems = new ArrayList<>();
        InputPlan plan = InputPlan.resolve(InputPlanTest.inputs(1, 8), model, "s.yaml", problems);
        assertTrue(problems.isEmpty(), problems::toString);
        return plan;
    }

    @Test
    void setsAreSamplesInSetOrderAndNamedTensorsGoToTheirInputs() throws IOException {
        Path data = Files.createDirectories(dir.resolve("bert"));
        // Set 10 after set 2: by number, not by name. Files in another order than the model's inputs: by name.
        for (int set : new int[] {2, 10}) {
            Path s = Files.createDirectories(data.resolve("test_data_set_" + set));
            Files.write(s.resolve("input_0.pb"), proto("token_type_ids", 7, new long[] {1, 3}, null,
                    longsPacked(7, 0, 0, 0)));
            Files.write(s.resolve("input_1.pb"), proto("input_ids", 7, new long[] {1, 3},
                    littleEndianLongs(101, set, 102), null));
            Files.write(s.resolve("input_2.pb"), proto("attention_mask", 7, new long[] {1, 3}, null,
                    longsUnpacked(7, 1, 1, 1)));
            Files.write(s.resolve("output_0.pb"), new byte[] {1, 2, 3}); // expected outputs: not read
        }
        List<Map<String, Tensor>> samples = DataFile.read(data, plan(InputPlanTest.BERT));
        assertEquals(2, samples.size());
        Tensor ids = samples.get(1).get("input_ids");
        assertEquals(DType.INT64, ids.dtype());
        assertArrayEquals(new long[] {1, 3}, ids.shape());
        assertEquals(10L, ids.data().getLong(8), "set 10 is the second sample");
        assertEquals(1L, samples.get(0).get("attention_mask").data().getLong(16), "unpacked int64_data");
        assertEquals(List.of("input_ids", "attention_mask", "token_type_ids"), List.copyOf(samples.get(0).keySet()),
                "in the model's order");
    }

    @Test
    void unnamedTensorsInOneFolderGoByPosition() throws IOException {
        Path one = Files.createDirectories(dir.resolve("one"));
        Files.write(one.resolve("input_0.pb"), proto("", 1, new long[] {1, 2, 3}, null, floatsPacked(4,
                0.5f, 1, 2, 3, 4, -1.25f)));
        List<Map<String, Tensor>> samples = DataFile.read(one, plan(IMAGE));
        assertEquals(1, samples.size());
        Tensor x = samples.get(0).get("x");
        assertEquals(-1.25f, x.data().getFloat(20));
        assertEquals(0.5f, x.data().getFloat(0));
    }

    @Test
    void aMismatchNamesTheFileTheInputAndWhatTheModelExpects() throws IOException {
        Path wrongType = Files.createDirectories(dir.resolve("t/test_data_set_0"));
        Files.write(wrongType.resolve("input_0.pb"), proto("x", 6, new long[] {1, 2, 3}, null,
                longsPacked(5, 1, 2, 3, 4, 5, 6)));
        String m = assertThrows(IllegalArgumentException.class, () -> DataFile.read(dir.resolve("t"), plan(IMAGE)))
                .getMessage();
        assertEquals("t/test_data_set_0/input_0.pb: input 'x' is int32, the model expects float32[-1,2,3]", m);

        Path wrongShape = Files.createDirectories(dir.resolve("s/test_data_set_0"));
        Files.write(wrongShape.resolve("input_0.pb"), proto("x", 1, new long[] {1, 3, 2},
                new byte[24], null));
        m = assertThrows(IllegalArgumentException.class, () -> DataFile.read(dir.resolve("s"), plan(IMAGE)))
                .getMessage();
        assertEquals("s/test_data_set_0/input_0.pb: input 'x' has shape [1,3,2], the model expects "
                + "float32[-1,2,3] (-1: any size)", m);

        Path unknown = Files.createDirectories(dir.resolve("u/test_data_set_0"));
        Files.write(unknown.resolve("input_0.pb"), proto("pixels", 1, new long[] {1, 2, 3}, new byte[24], null));
        m = assertThrows(IllegalArgumentException.class, () -> DataFile.read(dir.resolve("u"), plan(IMAGE)))
                .getMessage();
        assertTrue(m.startsWith("u/test_data_set_0 (tensor names): missing input(s) [x]; the model has no input(s) "
                + "[pixels]"), m);
    }

    @Test
    void aBrokenFileIsRefusedWithItsName() throws IOException {
        Path d = Files.createDirectories(dir.resolve("b/test_data_set_0"));
        byte[] whole = proto("x", 1, new long[] {1, 2, 3}, new byte[24], null);
        Files.write(d.resolve("input_0.pb"), java.util.Arrays.copyOf(whole, whole.length - 5));
        String m = assertThrows(IllegalArgumentException.class, () -> DataFile.read(dir.resolve("b"), plan(IMAGE)))
                .getMessage();
        assertTrue(m.startsWith("b/test_data_set_0/input_0.pb: cut short at byte"), m);

        Files.write(d.resolve("input_0.pb"), proto("x", 1, new long[] {1, 2, 3}, new byte[20], null));
        m = assertThrows(IllegalArgumentException.class, () -> DataFile.read(dir.resolve("b"), plan(IMAGE)))
                .getMessage();
        assertEquals("b/test_data_set_0/input_0.pb: raw_data holds 20 bytes, the shape [1,2,3] of float32 needs 24", m);

        Files.write(d.resolve("input_0.pb"), concat(proto("x", 8, new long[] {1}, null, null)));
        m = assertThrows(IllegalArgumentException.class, () -> DataFile.read(dir.resolve("b"), plan(IMAGE)))
                .getMessage();
        assertTrue(m.contains("ONNX data_type 8 (STRING) is not supported"), m);

        Files.write(d.resolve("input_0.pb"), concat(proto("x", 1, new long[] {1, 2, 3}, null, null),
                new byte[] {(14 << 3), 1}));
        m = assertThrows(IllegalArgumentException.class, () -> DataFile.read(dir.resolve("b"), plan(IMAGE)))
                .getMessage();
        assertTrue(m.contains("data is external"), m);

        Path empty = Files.createDirectories(dir.resolve("empty"));
        m = assertThrows(IllegalArgumentException.class, () -> DataFile.read(empty, plan(IMAGE))).getMessage();
        assertTrue(m.startsWith("empty: no test_data_set_N folders and no input_N.pb files"), m);
    }

    /** The official ONNX node test {@code test_add}: x + y = the expected output, read from its own .pb files. */
    @Test
    void theOnnxBackendTestDataReadsAsTheModelsInputs() throws IOException {
        Path add = ONNX_NODE_TESTS.resolve("test_add");
        assumeTrue(Files.isDirectory(add), "Debian's libonnx-testdata is not installed (apt-get install "
                + "libonnx-testdata); skipping the official test data");
        List<TensorSpec> model = List.of(new TensorSpec("x", DType.FLOAT32, new long[] {3, 4, 5}),
                new TensorSpec("y", DType.FLOAT32, new long[] {3, 4, 5}));
        List<Map<String, Tensor>> samples = DataFile.read(add, plan(model));
        assertEquals(1, samples.size());
        float[] x = samples.get(0).get("x").toFloatArray();
        float[] y = samples.get(0).get("y").toFloatArray();
        TensorProtoFile out = TensorProtoFile.parse(Files.readAllBytes(add.resolve("test_data_set_0/output_0.pb")),
                "output_0.pb");
        float[] sum = out.tensor().toFloatArray();
        assertEquals(60, sum.length);
        for (int i = 0; i < sum.length; i++) {
            assertEquals(sum[i], x[i] + y[i], 1e-6f, "element " + i);
        }
        // And a model whose inputs differ is refused with the official file's name.
        List<TensorSpec> other = List.of(new TensorSpec("x", DType.INT64, new long[] {3, 4, 5}),
                new TensorSpec("y", DType.FLOAT32, new long[] {3, 4, 5}));
        String m = assertThrows(IllegalArgumentException.class, () -> DataFile.read(add, plan(other))).getMessage();
        assertEquals("test_add/test_data_set_0/input_0.pb: input 'x' is float32, the model expects int64[3,4,5]", m);
    }

    // A protobuf writer for the few TensorProto fields: enough to write what the reader must read.

    private static byte[] proto(String name, int dataType, long[] dims, byte[] raw, byte[] typedField) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long d : dims) {
            varint(out, 1 << 3);
            varint(out, d);
        }
        varint(out, 2 << 3);
        varint(out, dataType);
        if (!name.isEmpty()) {
            bytes(out, 8, name.getBytes(StandardCharsets.UTF_8));
        }
        if (raw != null) {
            bytes(out, 9, raw);
        }
        if (typedField != null) {
            out.writeBytes(typedField);
        }
        return out.toByteArray();
    }

    private static byte[] longsPacked(int field, long... values) {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        for (long v : values) {
            varint(packed, v);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bytes(out, field, packed.toByteArray());
        return out.toByteArray();
    }

    private static byte[] longsUnpacked(int field, long... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long v : values) {
            varint(out, field << 3);
            varint(out, v);
        }
        return out.toByteArray();
    }

    private static byte[] floatsPacked(int field, float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bytes(out, field, b.array());
        return out.toByteArray();
    }

    private static byte[] littleEndianLongs(long... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return b.array();
    }

    private static void bytes(ByteArrayOutputStream out, int field, byte[] value) {
        varint(out, (field << 3) | 2);
        varint(out, value.length);
        out.writeBytes(value);
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7fL) != 0) {
            out.write((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
