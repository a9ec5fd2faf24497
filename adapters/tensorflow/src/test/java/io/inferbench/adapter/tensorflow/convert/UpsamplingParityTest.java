package io.inferbench.adapter.tensorflow.convert;

import static io.inferbench.adapter.tensorflow.convert.OnnxModels.FLOAT;
import static io.inferbench.adapter.tensorflow.convert.OnnxModels.attr;
import static io.inferbench.adapter.tensorflow.convert.OnnxModels.attrs;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.adapter.tensorflow.convert.Parity.Data;
import io.inferbench.onnx.proto.OnnxProto.AttributeProto;
import io.inferbench.api.UnsupportedModelException;
import io.inferbench.testsupport.ModelJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resize and ConvTranspose graphs (run channels-last inside TensorFlow) against ONNX Runtime; and the
 * real PaddleOCR text detectors (DBNet: FPN upsampling by Resize, head by ConvTranspose).
 */
class UpsamplingParityTest {
    private static final double TOLERANCE = 1e-5;

    @TempDir
    Path dir;

    private final Random random = new Random(11);
    private int conversions;

    @SafeVarargs
    private double check(byte[] model, double tolerance, Map<String, Data> first, Map<String, Data>... more)
            throws Exception {
        var inputSets = new ArrayList<Map<String, Data>>();
        inputSets.add(first);
        inputSets.addAll(List.of(more));
        int n = ++conversions;
        Path onnx = dir.resolve("up" + n + ".onnx");
        Files.write(onnx, model);
        Path saved = dir.resolve("up-saved" + n);
        new OnnxToTensorFlow().convert(onnx, saved);
        var tf = Parity.runTf(saved, inputSets);
        double max = 0;
        for (int i = 0; i < inputSets.size(); i++) {
            max = Math.max(max, Parity.assertClose(Parity.runOrt(model, inputSets.get(i)), tf.get(i), tolerance));
        }
        return max;
    }

    private Data image(long... shape) {
        return Data.random(random, shape);
    }

    private float[] weights(int count) {
        float[] v = new float[count];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian() * 0.3);
        }
        return v;
    }

    /** x → Resize(scales) at opset 11 with an empty roi constant, as Paddle2ONNX writes it. */
    private static byte[] resizeByScales(int opset, float sh, float sw, AttributeProto... attributes) {
        var m = OnnxModels.opset(opset).input("x", FLOAT, -1, 3, -1, -1)
                .initializer("roi", new float[0], 0)
                .initializer("scales", new float[] {1f, 1f, sh, sw}, 4);
        return m.node("Resize", List.of("x", "roi", "scales"), List.of("y"), attributes).output("y", FLOAT).bytes();
    }

    /** x → Resize(sizes) at opset 13 (roi and scales omitted). */
    private static byte[] resizeBySizes(long h, long w, AttributeProto... attributes) {
        return OnnxModels.opset(13).input("x", FLOAT, 2, 3, -1, -1)
                .initializer("sizes", new long[] {2, 3, h, w}, 4)
                .node("Resize", List.of("x", "", "", "sizes"), List.of("y"), attributes).output("y", FLOAT).bytes();
    }

    @Test
    void nearestAsymmetricFloorByIntegerScales() throws Exception {
        var attrs = new AttributeProto[] {attr("mode", "nearest"), attr("coordinate_transformation_mode", "asymmetric"),
            attr("nearest_mode", "floor")};
        check(resizeByScales(11, 2, 2, attrs), TOLERANCE, Map.of("x", image(1, 3, 5, 7)), Map.of("x", image(2, 3, 4, 4)));
        check(resizeByScales(12, 8, 4, attrs), TOLERANCE, Map.of("x", image(1, 3, 3, 5)));
        check(resizeBySizes(11, 5, attrs), TOLERANCE, Map.of("x", image(2, 3, 4, 9)));
    }

    /** Ties (e.g. 4 -> 11 half_pixel hits x.5 exactly) must round as ONNX Runtime does. */
    @Test
    void nearestEveryCoordinateAndRoundingMode() throws Exception {
        for (String coords : List.of("half_pixel", "align_corners", "asymmetric")) {
            for (String rounding : List.of("round_prefer_ceil", "round_prefer_floor", "floor", "ceil")) {
                var attrs = new AttributeProto[] {attr("mode", "nearest"), attr("coordinate_transformation_mode", coords),
                    attr("nearest_mode", rounding)};
                check(resizeBySizes(11, 5, attrs), TOLERANCE, Map.of("x", image(2, 3, 4, 9)));
                check(resizeByScales(11, 3, 1.5f, attrs), TOLERANCE, Map.of("x", image(1, 3, 5, 7)));
            }
        }
    }

    @Test
    void linearAllCoordinateModes() throws Exception {
        for (String coords : List.of("half_pixel", "asymmetric", "align_corners")) {
            var attrs = new AttributeProto[] {attr("mode", "linear"), attr("coordinate_transformation_mode", coords)};
            check(resizeByScales(11, 2, 3, attrs), TOLERANCE, Map.of("x", image(1, 3, 5, 4)));
            check(resizeBySizes(13, 6, attrs), TOLERANCE, Map.of("x", image(2, 3, 7, 9)));
        }
    }

    @Test
    void unsupportedResizeIsRejectedNamingTheNode() {
        var cases = List.of(
                resizeByScales(11, 2, 2, attr("mode", "cubic")),
                resizeByScales(11, 1.5f, 2, attr("mode", "linear")),
                resizeByScales(11, 2, 2, attr("mode", "nearest"),
                        attr("coordinate_transformation_mode", "pytorch_half_pixel")),
                resizeByScales(11, 2, 2, attr("mode", "linear"),
                        attr("coordinate_transformation_mode", "tf_crop_and_resize")));
        for (byte[] model : cases) {
            int n = ++conversions;
            Path onnx = dir.resolve("bad" + n + ".onnx");
            var e = assertThrows(UnsupportedModelException.class, () -> {
                Files.write(onnx, model);
                new OnnxToTensorFlow().convert(onnx, dir.resolve("bad-saved" + n));
            });
            assertTrue(e.getMessage().startsWith("ONNX node /Resize_0 (Resize): "), e.getMessage());
            assertTrue(!Files.exists(dir.resolve("bad-saved" + n)));
        }
    }

    @Test
    void convTransposeLikeDbNetHead() throws Exception {
        // Kernel 2, stride 2, no pads, 24 -> 24 and 24 -> 1 channels (PaddleOCR det), bias on the second.
        byte[] model = OnnxModels.opset(11).input("x", FLOAT, -1, 24, -1, -1)
                .initializer("w1", weights(24 * 24 * 2 * 2), 24, 24, 2, 2)
                .initializer("w2", weights(24 * 2 * 2), 24, 1, 2, 2)
                .initializer("b2", weights(1), 1)
                .node("ConvTranspose", List.of("x", "w1"), List.of("u1"), attrs("kernel_shape", 2, 2),
                        attrs("strides", 2, 2), attrs("pads", 0, 0, 0, 0), attrs("dilations", 1, 1), attr("group", 1L))
                .node("Relu", List.of("u1"), List.of("r"))
                .node("ConvTranspose", List.of("r", "w2", "b2"), List.of("y"), attrs("kernel_shape", 2, 2),
                        attrs("strides", 2, 2))
                .node("Sigmoid", List.of("y"), List.of("p"))
                .output("p", FLOAT).bytes();
        check(model, TOLERANCE, Map.of("x", image(1, 24, 5, 7)), Map.of("x", image(2, 24, 8, 8)));
    }

    @Test
    void convTransposePadsOutputPaddingAndGroups() throws Exception {
        byte[] model = OnnxModels.opset(11).input("x", FLOAT, 1, 4, -1, -1)
                .initializer("w", weights(4 * 3 * 3 * 3), 4, 3, 3, 3)
                .initializer("b", weights(3), 3)
                .initializer("wg", weights(4 * 2 * 3 * 2), 4, 2, 3, 2)
                .node("ConvTranspose", List.of("x", "w", "b"), List.of("padded"), attrs("strides", 2, 2),
                        attrs("pads", 1, 1, 1, 1), attrs("output_padding", 1, 0))
                .node("ConvTranspose", List.of("x", "wg"), List.of("grouped"), attr("group", 2L),
                        attrs("strides", 1, 3), attrs("pads", 0, 1, 2, 0))
                .output("padded", FLOAT).output("grouped", FLOAT).bytes();
        check(model, TOLERANCE, Map.of("x", image(1, 4, 6, 5)), Map.of("x", image(1, 4, 3, 9)));
    }

    private Data pixels(long... shape) {
        float[] v = new float[(int) Data.count(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextFloat() * 4 - 2; // normalised pixels (ImageNet mean/std): about [-2, 2.6]
        }
        return Data.of(v, shape);
    }

    /** PaddleOCR v3 text detector (DBNet, opset 12), x: float [N, 3, H, W] with H, W multiples of 32. */
    @Test
    void paddleOcrV3Detector() throws Exception {
        Path onnx = ModelJars.extract("models/ch_PP-OCRv3_det_infer.onnx", dir);
        double max = check(Files.readAllBytes(onnx), 1e-4, Map.of("x", pixels(1, 3, 160, 160)),
                Map.of("x", pixels(1, 3, 96, 128)));
        System.out.printf("PaddleOCR v3 det parity: max abs error %.3g%n", max);
    }

    /** PaddleOCR v4 text detector (DBNet with RSE-FPN, opset 12). */
    @Test
    void paddleOcrV4Detector() throws Exception {
        Path onnx = ModelJars.extract("models/ch_PP-OCRv4_det_infer.onnx", dir);
        double max = check(Files.readAllBytes(onnx), 1e-4, Map.of("x", pixels(1, 3, 160, 160)));
        System.out.printf("PaddleOCR v4 det parity: max abs error %.3g%n", max);
    }
}
