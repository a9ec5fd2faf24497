package io.inferbench.adapter.tensorflow.convert;

import static io.inferbench.adapter.tensorflow.convert.OnnxModels.FLOAT;
import static io.inferbench.adapter.tensorflow.convert.OnnxModels.INT64;
import static io.inferbench.adapter.tensorflow.convert.OnnxModels.attr;
import static io.inferbench.adapter.tensorflow.convert.OnnxModels.attrs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inferbench.adapter.tensorflow.convert.Parity.Data;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One tiny ONNX graph per operator (with broadcasting, negative axes and run-time shapes),
 * converted and run on TensorFlow, against ONNX Runtime on the same inputs.
 */
class OnnxOpsParityTest {
    private static final double TOLERANCE = 1e-5;

    @TempDir
    Path dir;

    private final Random random = new Random(42);
    private int conversions;

    /** Converts the model and checks every input set against ONNX Runtime; returns the max error. */
    @SafeVarargs
    private double check(byte[] model, Map<String, Data> first, Map<String, Data>... more) throws Exception {
        var inputSets = new java.util.ArrayList<Map<String, Data>>();
        inputSets.add(first);
        for (var m : more) {
            inputSets.add(m);
        }
        int n = ++conversions;
        Path onnx = dir.resolve("model" + n + ".onnx");
        Files.write(onnx, model);
        Path saved = dir.resolve("saved" + n);
        new OnnxToTensorFlow().convert(onnx, saved);
        var tfResults = Parity.runTf(saved, inputSets);
        double max = 0;
        for (int i = 0; i < inputSets.size(); i++) {
            max = Math.max(max, Parity.assertClose(Parity.runOrt(model, inputSets.get(i)), tfResults.get(i), TOLERANCE));
        }
        return max;
    }

    private Data rand(long... shape) {
        return Data.random(random, shape);
    }

    private Data positive(long... shape) {
        float[] v = rand(shape).floats();
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.abs(v[i]) + 0.1f;
        }
        return Data.of(v, shape);
    }

    private byte[] binary(String op, long[] a, long[] b) {
        return OnnxModels.opset(11).input("a", FLOAT, a).input("b", FLOAT, b)
                .node(op, List.of("a", "b"), List.of("y")).output("y", FLOAT).bytes();
    }

    @Test
    void broadcastingArithmetic() throws Exception {
        check(binary("Add", new long[] {2, 3, 4}, new long[] {4}), Map.of("a", rand(2, 3, 4), "b", rand(4)));
        check(binary("Sub", new long[] {3, 1}, new long[] {1, 4}), Map.of("a", rand(3, 1), "b", rand(1, 4)));
        check(binary("Mul", new long[] {2, 1, 4}, new long[] {3, 1}), Map.of("a", rand(2, 1, 4), "b", rand(3, 1)));
        check(binary("Div", new long[] {2, 3}, new long[] {}), Map.of("a", rand(2, 3), "b", positive()));
    }

    @Test
    void powSqrtErfWithConstants() throws Exception {
        byte[] model = OnnxModels.opset(11).input("x", FLOAT, -1, 5)
                .initializer("two", new float[] {2f})
                .initializer("three", new float[] {3f}, 1)
                .node("Pow", List.of("x", "two"), List.of("sq"))
                .node("Pow", List.of("x", "three"), List.of("cube"))
                .node("Abs", List.of("x"), List.of("ax"))
                .node("Sqrt", List.of("ax"), List.of("root"))
                .node("Erf", List.of("x"), List.of("erf"))
                .output("sq", FLOAT).output("cube", FLOAT).output("root", FLOAT).output("erf", FLOAT).bytes();
        check(model, Map.of("x", rand(3, 5)), Map.of("x", rand(1, 5)));
    }

    @Test
    void castAndConstant() throws Exception {
        byte[] model = OnnxModels.opset(11).input("ids", INT64, -1, -1)
                .node("Cast", List.of("ids"), List.of("f"), attr("to", 1L))
                .node("Constant", List.of(), List.of("c"), attr("value", OnnxModels.floats("c", new float[] {1f})))
                .node("Sub", List.of("c", "f"), List.of("y"))
                .output("y", FLOAT).bytes();
        check(model, Map.of("ids", Data.of(new long[] {0, 1, 1, 0, 1, 1}, 2, 3)));
    }

    @Test
    void reduceMeanNegativeAndPositiveAxes() throws Exception {
        byte[] model = OnnxModels.opset(11).input("x", FLOAT, -1, -1, 6)
                .node("ReduceMean", List.of("x"), List.of("last"), attrs("axes", -1))
                .node("ReduceMean", List.of("x"), List.of("mid"), attrs("axes", 1), attr("keepdims", 0L))
                .node("ReduceMean", List.of("x"), List.of("all"))
                .output("last", FLOAT).output("mid", FLOAT).output("all", FLOAT).bytes();
        check(model, Map.of("x", rand(2, 3, 6)), Map.of("x", rand(1, 7, 6)));
    }

    @Test
    void matMulRanks() throws Exception {
        byte[] model = OnnxModels.opset(11).input("x", FLOAT, -1, -1, 8).input("q", FLOAT, 2, 3, 4, 5)
                .input("k", FLOAT, 2, 3, 5, 4).input("v", FLOAT, 8)
                .initializer("w", rand(8, 6).floats(), 8, 6)
                .node("MatMul", List.of("x", "w"), List.of("xw"))
                .node("MatMul", List.of("q", "k"), List.of("qk"))
                .node("MatMul", List.of("x", "v"), List.of("xv"))
                .output("xw", FLOAT).output("qk", FLOAT).output("xv", FLOAT).bytes();
        check(model, Map.of("x", rand(2, 3, 8), "q", rand(2, 3, 4, 5), "k", rand(2, 3, 5, 4), "v", rand(8)));
    }

    @Test
    void softmaxAxes() throws Exception {
        for (int opset : new int[] {11, 13}) {
            byte[] model = OnnxModels.opset(opset).input("x", FLOAT, 2, 3, 4)
                    .node("Softmax", List.of("x"), List.of("last"), attr("axis", -1L))
                    .node("Softmax", List.of("x"), List.of("one"), attr("axis", 1L))
                    .output("last", FLOAT).output("one", FLOAT).bytes();
            check(model, Map.of("x", rand(2, 3, 4)));
        }
    }

    @Test
    void transposeAndSqueezeUnsqueeze() throws Exception {
        byte[] model = OnnxModels.opset(11).input("x", FLOAT, -1, -1, 2, 3)
                .node("Transpose", List.of("x"), List.of("t"), attrs("perm", 0, 2, 1, 3))
                .node("Unsqueeze", List.of("t"), List.of("u"), attrs("axes", -1, 1))
                .node("Squeeze", List.of("u"), List.of("s"), attrs("axes", 1, -1))
                .node("Transpose", List.of("x"), List.of("r"))
                .output("u", FLOAT).output("s", FLOAT).output("r", FLOAT).bytes();
        check(model, Map.of("x", rand(2, 4, 2, 3)), Map.of("x", rand(1, 1, 2, 3)));
    }

    @Test
    void gatherWithNegativeIndices() throws Exception {
        byte[] model = OnnxModels.opset(11).input("ids", INT64, -1, -1)
                .initializer("table", rand(5, 4).floats(), 5, 4)
                .initializer("cols", new long[] {-1, 0}, 2)
                .node("Gather", List.of("table", "ids"), List.of("rows"))
                .node("Gather", List.of("table", "cols"), List.of("picked"), attr("axis", -1L))
                .output("rows", FLOAT).output("picked", FLOAT).bytes();
        check(model, Map.of("ids", Data.of(new long[] {0, 4, -1, 2, -5, 3}, 2, 3)),
                Map.of("ids", Data.of(new long[] {1}, 1, 1)));
    }

    /** MiniLM's pattern: reshape to [batch, seq, heads, size] computed from the input's run-time shape. */
    @Test
    void runtimeShapeChainToReshape() throws Exception {
        byte[] model = OnnxModels.opset(11).input("x", FLOAT, -1, -1, 8)
                .initializer("i0", new long[] {0})
                .initializer("i1", new long[] {1})
                .initializer("heads", new long[] {2}, 1)
                .initializer("size", new long[] {4}, 1)
                .node("Shape", List.of("x"), List.of("shape"))
                .node("Gather", List.of("shape", "i0"), List.of("b"), attr("axis", 0L))
                .node("Gather", List.of("shape", "i1"), List.of("s"), attr("axis", 0L))
                .node("Unsqueeze", List.of("b"), List.of("bu"), attrs("axes", 0))
                .node("Unsqueeze", List.of("s"), List.of("su"), attrs("axes", 0))
                .node("Concat", List.of("bu", "su", "heads", "size"), List.of("target"), attr("axis", 0L))
                .node("Reshape", List.of("x", "target"), List.of("y"))
                .node("Transpose", List.of("y"), List.of("t"), attrs("perm", 0, 2, 1, 3))
                .output("t", FLOAT).output("target", INT64).bytes();
        check(model, Map.of("x", rand(2, 5, 8)), Map.of("x", rand(1, 16, 8)));
    }

    @Test
    void reshapeWithZeroAndMinusOne() throws Exception {
        byte[] model = OnnxModels.opset(11).input("x", FLOAT, -1, 3, 4)
                .initializer("shape", new long[] {0, -1}, 2)
                .initializer("shape2", new long[] {0, 0, 2, 2}, 4)
                .node("Reshape", List.of("x", "shape"), List.of("y"))
                .node("Reshape", List.of("x", "shape2"), List.of("z"))
                .node("Flatten", List.of("x"), List.of("f"), attr("axis", 2L))
                .output("y", FLOAT).output("z", FLOAT).output("f", FLOAT).bytes();
        check(model, Map.of("x", rand(2, 3, 4)), Map.of("x", rand(5, 3, 4)));
    }

    @Test
    void sliceWithRuntimeEndNegativeAxesAndSteps() throws Exception {
        byte[] model = OnnxModels.opset(11).input("x", FLOAT, -1, -1, 6)
                .initializer("positions", rand(1, 10).floats(), 1, 10)
                .initializer("zero", new long[] {0}, 1)
                .initializer("one", new long[] {1}, 1)
                .initializer("i1", new long[] {1})
                .initializer("starts", new long[] {-1, 1}, 2)
                .initializer("ends", new long[] {Long.MIN_VALUE, Long.MAX_VALUE}, 2)
                .initializer("axes", new long[] {-1, 1}, 2)
                .initializer("steps", new long[] {-2, 2}, 2)
                .node("Shape", List.of("x"), List.of("shape"))
                .node("Gather", List.of("shape", "i1"), List.of("seq"), attr("axis", 0L))
                .node("Unsqueeze", List.of("seq"), List.of("end"), attrs("axes", 0))
                .node("Slice", List.of("positions", "zero", "end", "one", "one"), List.of("p"))
                .node("Slice", List.of("x", "starts", "ends", "axes", "steps"), List.of("s"))
                .output("p", FLOAT).output("s", FLOAT).bytes();
        check(model, Map.of("x", rand(2, 5, 6)), Map.of("x", rand(1, 2, 6)));
    }

    @Test
    void concatNegativeAxis() throws Exception {
        byte[] model = OnnxModels.opset(11).input("a", FLOAT, -1, 2).input("b", FLOAT, -1, 3)
                .node("Concat", List.of("a", "b"), List.of("y"), attr("axis", -1L))
                .output("y", FLOAT).bytes();
        check(model, Map.of("a", rand(4, 2), "b", rand(4, 3)));
    }

    @Test
    void signatureKeepsOnnxNames() throws Exception {
        byte[] model = OnnxModels.opset(11).input("input/ids:0", FLOAT, -1)
                .node("Relu", List.of("input/ids:0"), List.of("out.hidden"))
                .output("out.hidden", FLOAT).bytes();
        Path onnx = dir.resolve("names.onnx");
        Files.write(onnx, model);
        var conversion = new OnnxToTensorFlow().convert(onnx, dir.resolve("names"));
        assertEquals(List.of("Relu x 1"), conversion.operators());
        check(model, Map.of("input/ids:0", rand(7)));
    }
}
