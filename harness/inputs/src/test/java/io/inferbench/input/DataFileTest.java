package io.inferbench.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.api.DType;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;
import io.inferbench.scenario.Problem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user's own samples in JSON lines, .npy and .npz, each mismatch with the model named where it is. */
class DataFileTest {
    /** An image model with one float input [N, 2, 3]. */
    private static final List<TensorSpec> IMAGE = List.of(
            new TensorSpec("x", DType.FLOAT32, new long[] {-1, 2, 3}));

    @TempDir
    Path dir;

    private static InputPlan plan(List<TensorSpec> model) {
        List<Problem> problems = new ArrayList<>();
        InputPlan plan = InputPlan.resolve(InputPlanTest.inputs(1, 8), model, "s.yaml", problems);
        assertTrue(problems.isEmpty(), problems::toString);
        return plan;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void jsonLinesTakeNestedListsOrShapeAndDataInTheModelsDtype() throws IOException {
        Path f = write("d.jsonl", """
                {"input_ids": [[101, 7, 102]], "attention_mask": [[1, 1, 1]], "token_type_ids": [[0, 0, 0]]}

                {"input_ids": {"shape": [1, 2], "data": [101, 102]}, "attention_mask": [[1, 1]], "token_type_ids": [[0, 0]]}
                """);
        List<Map<String, Tensor>> samples = DataFile.read(f, plan(InputPlanTest.BERT));
        assertEquals(2, samples.size());
        Tensor ids = samples.get(0).get("input_ids");
        assertEquals(DType.INT64, ids.dtype());
        assertArrayEquals(new long[] {1, 3}, ids.shape());
        assertEquals(7L, ids.data().getLong(8));
        assertArrayEquals(new long[] {1, 2}, samples.get(1).get("input_ids").shape(), "shapes may vary by sample");
    }

    @Test
    void jsonLinesMismatchesNameTheLineAndTheInput() throws IOException {
        InputPlan plan = plan(InputPlanTest.BERT);
        String ok = "{\"input_ids\": [[1]], \"attention_mask\": [[1]], \"token_type_ids\": [[0]]}\n";
        assertMessage(() -> DataFile.read(write("a.jsonl", ok + "{\"input_ids\": [[1]], \"attention_mask\": [[1]]}\n"),
                plan), "a.jsonl:2", "missing input(s) [token_type_ids]");
        assertMessage(() -> DataFile.read(write("b.jsonl", ok + ok.replace("input_ids", "input_id")), plan),
                "b.jsonl:2", "the model has no input(s) [input_id]", "missing input(s) [input_ids]");
        assertMessage(() -> DataFile.read(write("c.jsonl", ok.replace("[[1]], \"att", "[1], \"att")), plan),
                "c.jsonl:1", "input 'input_ids' has shape [1]", "int64[-1,-1]");
        assertMessage(() -> DataFile.read(write("d.jsonl", ok.replace("[[1]], \"att", "[[1], [2, 3]], \"att")), plan),
                "d.jsonl:1", "not rectangular");
        assertMessage(() -> DataFile.read(write("e.jsonl", "{\"input_ids\": \n"), plan), "e.jsonl:1", "not JSON");
    }

    @Test
    void npyHoldsOneSampleOrManyAlongItsFirstAxis() throws IOException {
        Path one = Files.write(dir.resolve("one.npy"), npy("<f4", new long[] {1, 2, 3}, floats(6)));
        List<Map<String, Tensor>> a = DataFile.read(one, plan(IMAGE));
        assertEquals(1, a.size());
        assertEquals(5f, a.get(0).get("x").data().getFloat(20));
        Path many = Files.write(dir.resolve("many.npy"), npy("<f4", new long[] {4, 1, 2, 3}, floats(24)));
        List<Map<String, Tensor>> b = DataFile.read(many, plan(IMAGE));
        assertEquals(4, b.size());
        assertArrayEquals(new long[] {1, 2, 3}, b.get(3).get("x").shape());
        assertEquals(18f, b.get(3).get("x").data().getFloat(0));
    }

    @Test
    void npyMismatchesNameTheFileAndTheInput() throws IOException {
        assertMessage(() -> DataFile.read(Files.write(dir.resolve("f8.npy"),
                npy("<f8", new long[] {1, 2, 3}, new byte[48])), plan(IMAGE)), "f8.npy", "input 'x' is float64",
                "float32[-1,2,3]");
        assertMessage(() -> DataFile.read(Files.write(dir.resolve("s.npy"),
                npy("<f4", new long[] {1, 3, 3}, floats(9))), plan(IMAGE)), "s.npy", "has shape [1,3,3]");
        assertMessage(() -> DataFile.read(Files.write(dir.resolve("bad.npy"), "hello".getBytes()), plan(IMAGE)),
                "bad.npy", "not a .npy file");
        assertMessage(() -> DataFile.read(Files.write(dir.resolve("bert.npy"),
                npy("<i8", new long[] {1, 2}, new byte[16])), plan(InputPlanTest.BERT)), "bert.npy", "3 inputs",
                ".npz");
    }

    @Test
    void npzHoldsOneArrayPerInput() throws IOException {
        Path f = dir.resolve("d.npz");
        try (OutputStream out = Files.newOutputStream(f); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : List.of("input_ids", "attention_mask", "token_type_ids")) {
                zip.putNextEntry(new ZipEntry(name + ".npy"));
                zip.write(npy("<i8", new long[] {3, 1, 4}, new byte[3 * 4 * 8]));
                zip.closeEntry();
            }
        }
        List<Map<String, Tensor>> samples = DataFile.read(f, plan(InputPlanTest.BERT));
        assertEquals(3, samples.size());
        assertArrayEquals(new long[] {1, 4}, samples.get(2).get("token_type_ids").shape());
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable read, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, read);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "'" + part + "' not in: " + e.getMessage());
        }
    }

    private static byte[] floats(int n) {
        ByteBuffer b = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            b.putFloat(i);
        }
        return b.array();
    }

    /** A version 1 .npy file, as numpy.save writes it (header padded so the data starts at a multiple of 64). */
    static byte[] npy(String descr, long[] shape, byte[] data) {
        StringBuilder dims = new StringBuilder();
        for (long d : shape) {
            dims.append(d).append(", ");
        }
        String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + dims + "), }";
        int total = 10 + header.length() + 1;
        header = header + " ".repeat((64 - total % 64) % 64) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0,
                (byte) header.length(), (byte) (header.length() >> 8)});
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        return out.toByteArray();
    }
}
