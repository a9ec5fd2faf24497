package io.inferbench.adapter.tensorflow.convert;

import static io.inferbench.adapter.tensorflow.convert.OnnxModels.FLOAT;
import static io.inferbench.adapter.tensorflow.convert.OnnxModels.attr;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.inferbench.adapter.support.OnnxDataTypes;
import io.inferbench.adapter.tensorflow.convert.Parity.Data;
import io.inferbench.api.UnsupportedModelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ONNX's quantization operators (DynamicQuantizeLinear, MatMulInteger, QuantizeLinear, DequantizeLinear) converted
 * and run on TensorFlow against ONNX Runtime, exactly: the integers are compared through a Cast to float, so one
 * step of rounding apart fails.
 */
class QuantizationOpsParityTest {
    /** Integer outputs must be equal; float ones within float32 rounding of a few operations. */
    private static final double TOLERANCE = 1e-5;

    @TempDir
    Path dir;

    private final Random random = new Random(7);
    private int conversions;

    private void check(byte[] model, Map<String, Data> inputs) throws Exception {
        Path onnx = dir.resolve("q" + ++conversions + ".onnx");
        Files.write(onnx, model);
        Path saved = dir.resolve("saved" + conversions);
        new OnnxToTensorFlow().convert(onnx, saved);
        Parity.assertClose(Parity.runOrt(model, inputs), Parity.runTf(saved, List.of(inputs)).get(0), TOLERANCE);
    }

    private Data rand(float scale, float shift, long... shape) {
        float[] v = Data.random(random, shape).floats();
        for (int i = 0; i < v.length; i++) {
            v[i] = v[i] * scale + shift;
        }
        return Data.of(v, shape);
    }

    private byte[] int8s(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (random.nextInt(255) - 127);
        }
        return b;
    }

    @Test
    void dynamicQuantizeLinearGivesOnnxRuntimesValuesScaleAndZeroPoint() throws Exception {
        byte[] model = OnnxModels.opset(11).input("x", FLOAT, -1, 6)
                .node("DynamicQuantizeLinear", List.of("x"), List.of("q", "s", "zp"))
                .node("Cast", List.of("q"), List.of("qf"), attr("to", FLOAT))
                .node("Cast", List.of("zp"), List.of("zpf"), attr("to", FLOAT))
                .node("DequantizeLinear", List.of("q", "s", "zp"), List.of("y"))
                .output("qf", FLOAT).output("s", FLOAT).output("zpf", FLOAT).output("y", FLOAT).bytes();
        check(model, Map.of("x", rand(3f, 0f, 4, 6)));
        check(model, Map.of("x", rand(1f, 5f, 3, 6)), "all positive: the range starts at 0");
        check(model, Map.of("x", rand(0.5f, -4f, 2, 6)), "all negative: the range ends at 0");
        check(model, Map.of("x", Data.of(new float[12], 2, 6)), "all zeros: scale 1, zero point 0");
    }

    private void check(byte[] model, Map<String, Data> inputs, String why) throws Exception {
        check(model, inputs);
    }

    @Test
    void matMulIntegerAsOnnxRuntimesDynamicInt8WritesIt() throws Exception {
        // DynamicQuantizeLinear(A) -> MatMulInteger(A_q, W_int8, A_zp, W_zp) -> Cast -> Mul(A_scale * W_scale).
        for (boolean perColumn : new boolean[] {false, true}) {
            byte[] zp = perColumn ? int8s(5) : new byte[] {0};
            float[] ws = perColumn ? new float[] {0.01f, 0.02f, 0.015f, 0.03f, 0.005f} : new float[] {0.02f};
            long[] zpDims = perColumn ? new long[] {5} : new long[0];
            byte[] model = OnnxModels.opset(11).input("a", FLOAT, -1, -1, 8)
                    .initializer("w", OnnxDataTypes.INT8, int8s(8 * 5), 8, 5)
                    .initializer("w_zp", OnnxDataTypes.INT8, zp, zpDims)
                    .initializer("w_scale", ws, zpDims)
                    .node("DynamicQuantizeLinear", List.of("a"), List.of("aq", "as", "azp"))
                    .node("MatMulInteger", List.of("aq", "w", "azp", "w_zp"), List.of("i32"))
                    .node("Cast", List.of("i32"), List.of("f"), attr("to", FLOAT))
                    .node("Mul", List.of("as", "w_scale"), List.of("scale"))
                    .node("Mul", List.of("f", "scale"), List.of("y"))
                    .output("f", FLOAT).output("y", FLOAT).bytes();
            check(model, Map.of("a", rand(2f, 0.3f, 2, 3, 8)));
        }
        // Two 2-D uint8 operands with zero points, no batch.
        byte[] plain = OnnxModels.opset(11).input("a", FLOAT, 3, 4).input("b", FLOAT, 4, 2)
                .node("DynamicQuantizeLinear", List.of("a"), List.of("aq", "as", "azp"))
                .node("DynamicQuantizeLinear", List.of("b"), List.of("bq", "bs", "bzp"))
                .node("MatMulInteger", List.of("aq", "bq", "azp", "bzp"), List.of("i32"))
                .node("Cast", List.of("i32"), List.of("y"), attr("to", FLOAT)).output("y", FLOAT).bytes();
        check(plain, Map.of("a", rand(1f, 0f, 3, 4), "b", rand(1f, 0.5f, 4, 2)));
    }

    @Test
    void quantizeAndDequantizeLinearPerTensorAndPerAxisInUint8AndInt8() throws Exception {
        // QDQ on an activation (uint8), as static int8 writes it, and an int8 weight dequantized per column.
        byte[] qdq = OnnxModels.opset(13).input("x", FLOAT, -1, 4)
                .initializer("x_scale", new float[] {0.03f})
                .initializer("x_zp", OnnxDataTypes.UINT8, new byte[] {(byte) 128})
                .initializer("w", OnnxDataTypes.INT8, int8s(4 * 3), 4, 3)
                .initializer("w_scale", new float[] {0.01f, 0.05f, 0.002f}, 3)
                .initializer("w_zp", OnnxDataTypes.INT8, new byte[3], 3)
                .initializer("i8_zp", OnnxDataTypes.INT8, new byte[] {-3})
                .node("QuantizeLinear", List.of("x", "x_scale", "x_zp"), List.of("xq"))
                .node("DequantizeLinear", List.of("xq", "x_scale", "x_zp"), List.of("xdq"))
                .node("DequantizeLinear", List.of("w", "w_scale", "w_zp"), List.of("wdq"), attr("axis", 1))
                .node("MatMul", List.of("xdq", "wdq"), List.of("y"))
                .node("QuantizeLinear", List.of("x", "x_scale", "i8_zp"), List.of("xi8"))
                .node("Cast", List.of("xi8"), List.of("xi8f"), attr("to", FLOAT))
                .node("Cast", List.of("xq"), List.of("xqf"), attr("to", FLOAT))
                .output("y", FLOAT).output("xi8f", FLOAT).output("xqf", FLOAT).bytes();
        // Values past the uint8 and int8 ranges, to check the saturation.
        check(qdq, Map.of("x", rand(4f, 0f, 5, 4)));
        // The uint8 embedding table of ONNX Runtime's int8 MiniLM: Gather of uint8 rows, then DequantizeLinear.
        byte[] table = new byte[6 * 4];
        random.nextBytes(table);
        byte[] gather = OnnxModels.opset(11).input("ids", OnnxModels.INT64, -1)
                .initializer("t", OnnxDataTypes.UINT8, table, 6, 4)
                .initializer("t_scale", new float[] {0.004f})
                .initializer("t_zp", OnnxDataTypes.UINT8, new byte[] {(byte) 120})
                .node("Gather", List.of("t", "ids"), List.of("rows"))
                .node("DequantizeLinear", List.of("rows", "t_scale", "t_zp"), List.of("y"))
                .output("y", FLOAT).bytes();
        check(gather, Map.of("ids", Data.of(new long[] {5, 0, 3, 3}, 4)));
    }

    @Test
    void aZeroPointOfUnknownTypeIsRefusedWithTheNode() throws Exception {
        byte[] model = OnnxModels.opset(13).input("x", FLOAT, 2, 2).input("s", FLOAT).input("zp", FLOAT)
                .node("QuantizeLinear", List.of("x", "s", "zp"), List.of("y"))
                .node("Cast", List.of("y"), List.of("yf"), attr("to", FLOAT)).output("yf", FLOAT).bytes();
        Path onnx = Files.write(dir.resolve("bad.onnx"), model);
        var e = assertThrows(UnsupportedModelException.class,
                () -> new OnnxToTensorFlow().convert(onnx, dir.resolve("bad-saved")));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("QuantizeLinear"), e.getMessage());
    }
}
