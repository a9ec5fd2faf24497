package io.inferbench.testsupport;

import io.inferbench.api.DType;
import io.inferbench.api.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fixtures themselves; the models are exercised by the adapters' tests. */
class FixturesTest {
    @Test
    void miniLmInputsAreBertShapedAndSeeded() {
        Map<String, Tensor> a = MiniLm.inputs(2, 8, 1);
        assertEquals(MiniLm.INPUTS, List.copyOf(a.keySet()));
        long[] ids = HostTensors.longs(a.get("input_ids"));
        assertArrayEquals(new long[] {2, 8}, a.get("input_ids").shape());
        assertEquals(101, ids[0]);
        assertEquals(102, ids[7]);
        assertNotEquals(ids[1], ids[9], "rows differ");
        assertEquals(a, MiniLm.inputs(2, 8, 1));
        assertNotEquals(a.get("input_ids"), MiniLm.inputs(2, 8, 2).get("input_ids"));
        assertArrayEquals(new long[16], HostTensors.longs(a.get("token_type_ids")));
    }

    @Test
    void reluAbsExpectationsFollowTheOps() {
        Map<String, Tensor> in = Map.of("x", HostTensors.float32(new long[] {1, 3}, -1, 0, 2.5f),
                "ids", HostTensors.int64(new long[] {1}, -7));
        Map<String, float[]> out = ReluAbsModel.expected(in);
        assertArrayEquals(new float[] {0, 0, 2.5f}, out.get("y"));
        assertArrayEquals(new float[] {7}, out.get("abs_ids"));
        assertNotEquals(ReluAbsModel.inputs(1), ReluAbsModel.inputs(2));
        assertEquals(DType.INT64, ReluAbsModel.inputs(1).get("ids").dtype());
    }

    @Test
    void tinyOnnxWritesAModelProto(@TempDir Path dir) throws Exception {
        byte[] model = Files.readAllBytes(ReluAbsModel.write(dir));
        assertEquals(0x08, model[0], "field 1 (ir_version), varint");
        String text = new String(model, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String name : List.of("Relu", "Abs", "x", "ids", "y", "abs_ids", "batch")) {
            assertTrue(text.contains(name), name);
        }
    }

    @Test
    void linearReferenceByHand() {
        assertArrayEquals(new float[] {13.5f, 15f}, TinySavedModels.linear(0, 1, 2));
        assertArrayEquals(new float[] {13.5f, 15f, 40.5f, 51f}, TinySavedModels.expected(
                Map.of("x", HostTensors.float32(new long[] {2, 3}, 0, 1, 2, 3, 4, 5))).get("y"));
    }

    @Test
    void aMissingModelJarSaysSo(@TempDir Path dir) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ModelJars.extract("no/such.onnx", dir));
        assertTrue(e.getMessage().startsWith("no/such.onnx is not on the test class path"), e.getMessage());
    }
}
