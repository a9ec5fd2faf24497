package io.inferbench.adapter.tensorflow.convert;

import static io.inferbench.adapter.tensorflow.convert.NodeContext.u;

import io.inferbench.api.BackendException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.op.image.ResizeNearestNeighbor;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TType;

/**
 * Spatial upsampling ONNX operators on rank-4 NCHW tensors, run channels-last like {@link NnOps}:
 * {@code Resize} (TensorFlow's nearest-neighbour and bilinear image resizes) and
 * {@code ConvTranspose} (TensorFlow's Conv2DBackpropInput), as used by segmentation heads such as
 * PaddleOCR's text detector (DBNet FPN).
 */
final class UpsamplingOps {
    private UpsamplingOps() {
    }

    static void register(Map<String, OpConverter> ops) {
        ops.put("Resize", UpsamplingOps::resize);
        ops.put("ConvTranspose", UpsamplingOps::convTranspose);
    }

    /**
     * Resize of H and W only, with ONNX's coordinate transformations asymmetric, half_pixel and
     * align_corners.
     * <ul>
     * <li>mode nearest (every nearest_mode): integer power-of-two scales with asymmetric + floor (the
     * FPN upsampling of detectors) run as TensorFlow's legacy ResizeNearestNeighbor, which is exact
     * there; everything else gathers rows and columns at indices computed with ONNX's formulas in
     * float32, as ONNX Runtime does, so ties round the same way.
     * <li>mode linear: TensorFlow's ResizeBilinear (align_corners / half_pixel_centers flags), which
     * derives the coordinate scale from the sizes: output sizes from a {@code sizes} input, or from
     * constant integer {@code scales}.
     * </ul>
     * Scales must be constant and 1 on N and C; resizing N or C is not supported.
     */
    private static List<TfValue> resize(NodeContext n) throws BackendException {
        var xv = n.value(0);
        if (xv.rank() != 4) {
            throw n.fail("only rank-4 (NCHW) inputs are supported");
        }
        String mode = n.attrString("mode", "nearest");
        String coords = n.attrString("coordinate_transformation_mode", n.opset < 11 ? "asymmetric" : "half_pixel");
        String nearestMode = n.attrString("nearest_mode", "round_prefer_ceil");
        if (n.attrInt("antialias", 0) != 0) {
            throw n.fail("antialias=1 is not supported");
        }
        if (n.attr("axes") != null) {
            throw n.fail("the axes attribute is not supported");
        }
        if (!n.attrString("keep_aspect_ratio_policy", "stretch").equals("stretch")) {
            throw n.fail("keep_aspect_ratio_policy " + n.attrString("keep_aspect_ratio_policy", "") + " is not supported");
        }
        if (!List.of("asymmetric", "half_pixel", "align_corners").contains(coords)) {
            throw n.fail("coordinate_transformation_mode " + coords + " is not supported");
        }
        if (mode.equals("nearest")) {
            if (n.opset < 11) {
                // Resize-10's nearest has no nearest_mode and ONNX Runtime rounds it its own way.
                throw n.fail("mode nearest before opset 11 is not supported");
            }
            if (!List.of("floor", "ceil", "round_prefer_floor", "round_prefer_ceil").contains(nearestMode)) {
                throw n.fail("nearest_mode " + nearestMode + " is not supported");
            }
        } else if (!mode.equals("linear")) {
            throw n.fail("mode " + mode + " is not supported");
        }
        var tf = n.tf;
        Operand<?> x = xv.nhwc();
        Operand<TInt32> inHw = tf.slice(tf.shape(u(x)), tf.constant(new int[] {1}), tf.constant(new int[] {2}));
        Operand<TFloat32> inHwF = tf.dtypes.cast(inHw, TFloat32.class);
        double[] scales = constantScales(n);
        Operand<TInt32> outHw;
        Operand<TFloat32> scaleHw;
        if (scales != null) {
            float[] s = {(float) scales[0], (float) scales[1]};
            scaleHw = tf.constant(s);
            outHw = tf.dtypes.cast(tf.math.floor(tf.math.mul(inHwF, scaleHw)), TInt32.class);
        } else {
            outHw = sizes(n, xv);
            scaleHw = tf.math.div(tf.dtypes.cast(outHw, TFloat32.class), inHwF);
        }
        boolean integerScales = scales != null && isInteger(scales[0]) && isInteger(scales[1]);
        Operand<?> y;
        if (mode.equals("linear")) {
            if (scales != null && !integerScales) {
                throw n.fail("mode linear needs sizes or integer H and W scales, got " + Arrays.toString(scales));
            }
            if (!x.type().equals(TFloat32.class)) {
                throw n.fail("mode linear is only supported on float32 inputs");
            }
            y = tf.image.resizeBilinear(u(x), outHw, ResizeBilinear.alignCorners(coords.equals("align_corners")),
                    ResizeBilinear.halfPixelCenters(coords.equals("half_pixel")));
        } else if (integerScales && isPowerOfTwo(scales[0]) && isPowerOfTwo(scales[1])
                && coords.equals("asymmetric") && nearestMode.equals("floor")) {
            // in = floor(out * (in / out)) with in / out = 2^-k: exact, the same as ONNX's floor(out / scale).
            y = tf.image.resizeNearestNeighbor(u(x), outHw, ResizeNearestNeighbor.alignCorners(false),
                    ResizeNearestNeighbor.halfPixelCenters(false));
        } else {
            y = x;
            for (int axis = 0; axis < 2; axis++) {
                var index = tf.constant(axis);
                var indices = nearestIndices(n, tf.gather(inHwF, index, tf.constant(0)),
                        tf.gather(outHw, index, tf.constant(0)), tf.gather(scaleHw, index, tf.constant(0)), coords,
                        nearestMode);
                y = tf.gather(u(y), indices, tf.constant(axis + 1));
            }
        }
        return List.of(TfValue.channelsLast(tf, y));
    }

    private static boolean isInteger(double v) {
        return v >= 1 && v == Math.rint(v);
    }

    private static boolean isPowerOfTwo(double v) {
        long l = (long) v;
        return l > 0 && (l & (l - 1)) == 0;
    }

    /** ONNX Runtime's source index for each output position along one axis, clamped, as int32. */
    private static Operand<TInt32> nearestIndices(NodeContext n, Operand<TFloat32> inLen, Operand<TInt32> outLen,
            Operand<TFloat32> scale, String coords, String nearestMode) {
        var tf = n.tf;
        Operand<TFloat32> xr = tf.dtypes.cast(tf.range(tf.constant(0), outLen, tf.constant(1)), TFloat32.class);
        Operand<TFloat32> half = tf.constant(0.5f);
        Operand<TFloat32> one = tf.constant(1f);
        Operand<TFloat32> xo = switch (coords) {
            case "asymmetric" -> tf.math.div(xr, scale);
            case "half_pixel" -> tf.math.sub(tf.math.div(tf.math.add(xr, half), scale), half);
            default -> tf.math.divNoNan(tf.math.mul(xr, tf.math.sub(inLen, one)), // align_corners; 0 when out is 1
                    tf.math.sub(tf.dtypes.cast(outLen, TFloat32.class), one));
        };
        Operand<TFloat32> floor = tf.math.floor(xo);
        Operand<TFloat32> frac = tf.math.sub(xo, floor);
        Operand<TFloat32> up = tf.math.add(floor, one);
        Operand<TFloat32> index = switch (nearestMode) {
            case "floor" -> floor;
            case "ceil" -> tf.math.ceil(xo);
            case "round_prefer_floor" -> tf.select(tf.math.greater(frac, half), up, floor);
            default -> tf.select(tf.math.greaterEqual(frac, half), up, floor); // round_prefer_ceil
        };
        index = tf.math.minimum(tf.math.maximum(index, tf.constant(0f)), tf.math.sub(inLen, one));
        return tf.dtypes.cast(index, TInt32.class);
    }

    /** Constant H and W scales, or null when the output size is given by a sizes input. */
    private static double[] constantScales(NodeContext n) throws BackendException {
        int scalesInput = n.opset < 11 ? 1 : 2;
        if (n.opset >= 11 && n.hasInput(3)) {
            return null;
        }
        if (!n.hasInput(scalesInput)) {
            throw n.fail("neither scales nor sizes is given");
        }
        var scales = n.staticInput(scalesInput);
        if (scales == null) {
            throw n.fail("scales must be a constant");
        }
        double[] s = scales.doubles();
        if (s.length == 0 && n.opset >= 11) {
            throw n.fail("neither scales nor sizes is given");
        }
        if (s.length != 4 || s[0] != 1 || s[1] != 1 || s[2] <= 0 || s[3] <= 0) {
            throw n.fail("only scales [1, 1, sH, sW] are supported, got " + Arrays.toString(s));
        }
        return new double[] {s[2], s[3]};
    }

    /** The [H, W] output size as int32 from the sizes input. */
    private static Operand<TInt32> sizes(NodeContext n, TfValue xv) throws BackendException {
        var sizes = n.staticInput(3);
        if (sizes != null) {
            long[] s = sizes.longs();
            if (s.length != 4) {
                throw n.fail("sizes must have 4 values");
            }
            if ((xv.dim(0) >= 0 && xv.dim(0) != s[0]) || (xv.dim(1) >= 0 && xv.dim(1) != s[1])) {
                throw n.fail("resizing the batch or channel axis is not supported");
            }
            return n.tf.constant(new int[] {(int) s[2], (int) s[3]});
        }
        // Run-time sizes: take H and W (N and C are assumed unchanged).
        Operand<TInt32> all = n.tf.dtypes.cast(u(n.input(3)), TInt32.class);
        return n.tf.slice(all, n.tf.constant(new int[] {2}), n.tf.constant(new int[] {2}));
    }

    /**
     * ConvTranspose (2-D, any group, explicit pads and output_padding, no dilation): TensorFlow's
     * Conv2DBackpropInput with VALID padding on the full-size output, then cropped by the pads.
     */
    private static List<TfValue> convTranspose(NodeContext n) throws BackendException {
        var xv = n.value(0);
        if (xv.rank() != 4) {
            throw n.fail("only 2-D transposed convolutions (rank-4 inputs) are supported");
        }
        Operand<?> w = n.input(1);
        long[] ws = w.shape().asArray();
        if (ws == null || ws.length != 4 || Arrays.stream(ws).anyMatch(d -> d < 0)) {
            throw n.fail("the weight shape must be known");
        }
        long group = n.attrInt("group", 1);
        long[] kernel = n.attrInts("kernel_shape");
        if (kernel != null && (kernel.length != 2 || kernel[0] != ws[2] || kernel[1] != ws[3])) {
            throw n.fail("kernel_shape " + Arrays.toString(kernel) + " does not match the weights");
        }
        long[] strides = orDefault(n.attrInts("strides"), 2, 1);
        long[] dilations = orDefault(n.attrInts("dilations"), 2, 1);
        long[] pads = orDefault(n.attrInts("pads"), 4, 0);
        long[] outputPadding = orDefault(n.attrInts("output_padding"), 2, 0);
        String autoPad = n.attrString("auto_pad", "NOTSET");
        if (!autoPad.equals("NOTSET") && !autoPad.equals("VALID")) {
            throw n.fail("auto_pad " + autoPad + " is not supported");
        }
        if (autoPad.equals("VALID")) {
            pads = new long[4];
        }
        if (n.attr("output_shape") != null) {
            throw n.fail("the output_shape attribute is not supported");
        }
        if (strides.length != 2 || pads.length != 4 || outputPadding.length != 2 || dilations.length != 2) {
            throw n.fail("only 2-D transposed convolutions are supported");
        }
        if (dilations[0] != 1 || dilations[1] != 1) {
            throw n.fail("dilated transposed convolution is not supported");
        }
        for (int i = 0; i < 2; i++) {
            if (outputPadding[i] < 0 || outputPadding[i] >= strides[i]) {
                throw n.fail("output_padding must be smaller than the stride");
            }
        }
        if (Arrays.stream(pads).anyMatch(p -> p < 0)) {
            throw n.fail("negative pads are not supported");
        }
        if (ws[0] % group != 0) {
            throw n.fail("the weight's input channels are not divisible by group");
        }
        long outPerGroup = ws[1];
        var tf = n.tf;
        Operand<?> x = xv.nhwc();
        // ONNX [C, M/g, kH, kW] -> TensorFlow's backprop filter [kH, kW, M/g, C].
        Operand<?> filter = tf.linalg.transpose(w, tf.constant(new int[] {2, 3, 1, 0}));
        // Full output: stride * (in - 1) + k + output_padding, for N, H, W; channels M/g per group.
        Operand<TInt32> inShape = tf.shape(u(x));
        Operand<TInt32> nhw = tf.stridedSlice(inShape, tf.constant(new int[] {0}), tf.constant(new int[] {3}),
                tf.constant(new int[] {1}));
        Operand<TInt32> mul = tf.constant(new int[] {1, (int) strides[0], (int) strides[1]});
        Operand<TInt32> add = tf.constant(new int[] {0, (int) (ws[2] - strides[0] + outputPadding[0]),
            (int) (ws[3] - strides[1] + outputPadding[1])});
        Operand<TInt32> fullNhw = tf.math.add(tf.math.mul(nhw, mul), add);
        Operand<TInt32> sizes = tf.concat(List.of(fullNhw, tf.constant(new int[] {(int) outPerGroup})),
                tf.constant(0));
        var stridesList = List.of(1L, strides[0], strides[1], 1L);
        Operand<?> y;
        if (group == 1) {
            y = tf.nn.conv2dBackpropInput(sizes, u(filter), u(x), stridesList, "VALID");
        } else {
            var xs = tf.split(tf.constant(3), u(x), group);
            var fs = tf.split(tf.constant(3), u(filter), group);
            var parts = new ArrayList<Operand<TType>>();
            for (int g = 0; g < group; g++) {
                parts.add(u(tf.nn.conv2dBackpropInput(sizes, u(fs.output().get(g)), u(xs.output().get(g)),
                        stridesList, "VALID")));
            }
            y = tf.concat(parts, tf.constant(3));
        }
        if (Arrays.stream(pads).anyMatch(p -> p != 0)) {
            // Crop pads [top, left, bottom, right]: begin [0, top, left, 0], size full - top - bottom.
            Operand<TInt32> yShape = tf.shape(u(y));
            Operand<TInt32> cropped = tf.math.sub(yShape,
                    tf.constant(new int[] {0, (int) (pads[0] + pads[2]), (int) (pads[1] + pads[3]), 0}));
            y = tf.slice(u(y), tf.constant(new int[] {0, (int) pads[0], (int) pads[1], 0}), cropped);
        }
        if (n.hasInput(2)) {
            y = tf.nn.biasAdd(u(y), u(n.input(2)));
        }
        return List.of(TfValue.channelsLast(tf, y));
    }

    private static long[] orDefault(long[] values, int length, long dflt) {
        if (values != null) {
            return values;
        }
        long[] v = new long[length];
        Arrays.fill(v, dflt);
        return v;
    }
}
