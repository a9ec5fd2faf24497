package io.inferbench.adapter.tensorflow.convert;

import static io.inferbench.adapter.tensorflow.convert.NodeContext.u;

import io.inferbench.api.BackendException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.op.core.StridedSlice;
import org.tensorflow.op.math.Mean;
import org.tensorflow.op.nn.Conv2d;
import org.tensorflow.op.nn.DepthwiseConv2dNative;
import org.tensorflow.types.family.TType;

/**
 * Convolution, pooling and normalisation ONNX operators on rank-4 NCHW tensors. TensorFlow's CPU
 * kernels for Conv2D, depthwise convolution and pooling only take NHWC, so these run channels-last
 * and hand on channels-last values (see {@link TfValue}): the element-wise operators in between keep
 * that layout, and a transpose back to NCHW appears only where a layout-sensitive operator (Reshape,
 * Shape, a graph output) needs it. Weights are transposed by graph ops on constants, which
 * TensorFlow's graph optimiser folds when the SavedModel is loaded.
 */
final class NnOps {
    /** Operators that compute channels-last. */
    static final Set<String> CHANNELS_LAST_OPS = Set.of("Conv", "MaxPool", "AveragePool", "GlobalAveragePool",
            "BatchNormalization", "Resize", "ConvTranspose");

    private NnOps() {
    }

    static void register(Map<String, OpConverter> ops) {
        ops.put("Conv", NnOps::conv);
        ops.put("BatchNormalization", NnOps::batchNorm);
        ops.put("MaxPool", n -> pool(n, true));
        ops.put("AveragePool", n -> pool(n, false));
        ops.put("GlobalAveragePool", NnOps::globalAveragePool);
    }

    /** Spatial padding and TensorFlow's padding mode for a 2-D window op. */
    private record Window(long[] kernel, long[] strides, long[] dilations, long[] pads, String padding) {
    }

    private static Window window(NodeContext n, long[] kernel) throws BackendException {
        long[] strides = orDefault(n.attrInts("strides"), 1);
        long[] dilations = orDefault(n.attrInts("dilations"), 1);
        long[] pads = n.attrInts("pads");
        String autoPad = n.attrString("auto_pad", "NOTSET");
        String padding = switch (autoPad) {
            case "NOTSET" -> "VALID";
            case "VALID" -> "VALID";
            case "SAME_UPPER" -> "SAME"; // TensorFlow's SAME puts the odd padding at the end, like SAME_UPPER
            default -> throw n.fail("auto_pad " + autoPad + " is not supported");
        };
        if (pads == null || !autoPad.equals("NOTSET")) {
            pads = new long[4];
        }
        if (kernel.length != 2 || strides.length != 2 || dilations.length != 2 || pads.length != 4) {
            throw n.fail("only 2-D windows are supported");
        }
        return new Window(kernel, strides, dilations, pads, padding);
    }

    private static long[] orDefault(long[] values, long dflt) {
        if (values != null) {
            return values;
        }
        long[] v = new long[2];
        Arrays.fill(v, dflt);
        return v;
    }

    private static boolean padded(Window w) {
        return Arrays.stream(w.pads()).anyMatch(p -> p != 0);
    }

    /** Pads H and W of an NHWC tensor explicitly with {@code value}. */
    private static Operand<?> pad(NodeContext n, Operand<?> x, Window w, float value) {
        long[][] p = {{0, 0}, {w.pads()[0], w.pads()[2]}, {w.pads()[1], w.pads()[3]}, {0, 0}};
        return n.tf.pad(u(x), n.tf.constant(p), n.tf.constantOfSameType(u(x), value));
    }

    private static List<Long> nhwc(long[] hw) {
        return List.of(1L, hw[0], hw[1], 1L);
    }

    private static List<TfValue> conv(NodeContext n) throws BackendException {
        var xv = n.value(0);
        if (xv.rank() != 4) {
            throw n.fail("only 2-D convolutions (rank-4 inputs) are supported");
        }
        Operand<?> w = n.input(1);
        long[] ws = w.shape().asArray();
        if (ws == null || ws.length != 4 || Arrays.stream(ws).anyMatch(d -> d < 0)) {
            throw n.fail("the weight shape must be known");
        }
        long[] kernel = n.attrInts("kernel_shape");
        var win = window(n, kernel != null ? kernel : new long[] {ws[2], ws[3]});
        long group = n.attrInt("group", 1);
        long inChannels = ws[1] * group;
        Operand<?> x = xv.nhwc();
        if (padded(win)) {
            x = pad(n, x, win, 0f);
        }
        Operand<?> filter = n.tf.linalg.transpose(w, n.tf.constant(new int[] {2, 3, 1, 0})); // [kH, kW, C/g, M]
        var strides = nhwc(win.strides());
        var dilations = nhwc(win.dilations());
        Operand<?> y;
        if (group == 1) {
            y = n.tf.nn.conv2d(u(x), u(filter), strides, win.padding(), Conv2d.dilations(dilations));
        } else if (ws[1] == 1 && ws[0] % group == 0) {
            // Depthwise: TensorFlow wants [kH, kW, C, M/C]; ONNX output channel c*mult+k is TF's too.
            filter = n.tf.reshape(filter, n.tf.constant(new long[] {ws[2], ws[3], inChannels, ws[0] / group}));
            boolean equalStrides = win.strides()[0] == win.strides()[1];
            if (!equalStrides && win.padding().equals("SAME")) {
                throw n.fail("depthwise convolution with unequal strides and auto_pad SAME is not supported");
            }
            // TensorFlow's depthwise kernel needs equal strides: run stride 1 and subsample (exact with VALID).
            var dwStrides = equalStrides ? strides : List.of(1L, 1L, 1L, 1L);
            y = n.tf.nn.depthwiseConv2dNative(u(x), u(filter), dwStrides, win.padding(),
                    DepthwiseConv2dNative.dilations(dilations));
            if (!equalStrides) {
                y = n.tf.stridedSlice(u(y), n.tf.constant(new long[4]), n.tf.constant(new long[4]),
                        n.tf.constant(new long[] {1, win.strides()[0], win.strides()[1], 1}),
                        StridedSlice.beginMask(15L), StridedSlice.endMask(15L));
            }
        } else {
            // Grouped: one convolution per group on channel slices, concatenated.
            var xs = n.tf.split(n.tf.constant(3), u(x), group);
            var fs = n.tf.split(n.tf.constant(3), u(filter), group);
            var parts = new ArrayList<Operand<TType>>();
            for (int g = 0; g < group; g++) {
                parts.add(u(n.tf.nn.conv2d(u(xs.output().get(g)), u(fs.output().get(g)), strides, win.padding(),
                        Conv2d.dilations(dilations))));
            }
            y = n.tf.concat(parts, n.tf.constant(3));
        }
        if (n.hasInput(2)) {
            y = n.tf.nn.biasAdd(u(y), u(n.input(2)));
        }
        return List.of(TfValue.channelsLast(n.tf, y));
    }

    private static List<TfValue> batchNorm(NodeContext n) throws BackendException {
        if (n.node.getOutputCount() > 1 && n.node.getOutputList().stream().skip(1).anyMatch(s -> !s.isEmpty())) {
            throw n.fail("training-mode BatchNormalization (running mean/var outputs) is not supported");
        }
        var xv = n.value(0);
        var scale = n.input(1);
        var bias = n.input(2);
        var mean = n.input(3);
        var variance = n.input(4);
        var eps = n.tf.constantOfSameType(u(variance), n.attrFloat("epsilon", 1e-5f));
        // Folded like ONNX Runtime's kernel: y = x * (scale / sqrt(var + eps)) + (B - mean * that).
        Operand<?> mul = n.tf.math.mul(u(n.tf.math.reciprocal(n.tf.math.sqrt(n.tf.math.add(u(variance), u(eps))))),
                u(scale));
        Operand<?> add = n.tf.math.sub(u(bias), n.tf.math.mul(u(mean), u(mul)));
        if (xv.rank() == 4) {
            var x = xv.nhwc(); // per-channel vectors broadcast over the last axis
            return List.of(TfValue.channelsLast(n.tf, n.tf.math.add(n.tf.math.mul(u(x), u(mul)), u(add))));
        }
        int rank = n.rank(0, "BatchNormalization");
        long[] shape = new long[rank - 1];
        Arrays.fill(shape, 1);
        shape[0] = -1;
        var s = n.tf.constant(shape);
        return List.of(TfValue.of(n.tf, n.tf.math.add(n.tf.math.mul(u(xv.get()), u(n.tf.reshape(mul, s))),
                u(n.tf.reshape(add, s)))));
    }

    private static List<TfValue> pool(NodeContext n, boolean max) throws BackendException {
        var xv = n.value(0);
        if (xv.rank() != 4) {
            throw n.fail("only 2-D pooling (rank-4 inputs) is supported");
        }
        if (n.attrInt("ceil_mode", 0) != 0) {
            throw n.fail("ceil_mode=1 is not supported");
        }
        if (n.node.getOutputCount() > 1 && !n.node.getOutput(1).isEmpty()) {
            throw n.fail("the Indices output is not supported");
        }
        long[] kernel = n.attrInts("kernel_shape");
        var win = window(n, kernel);
        if (win.dilations()[0] != 1 || win.dilations()[1] != 1) {
            throw n.fail("dilated pooling is not supported");
        }
        Operand<?> x = xv.nhwc();
        var ksize = nhwc(kernel);
        var strides = nhwc(win.strides());
        Operand<?> y;
        if (max) {
            if (padded(win)) {
                x = pad(n, x, win, Float.NEGATIVE_INFINITY);
            }
            y = n.tf.nn.maxPool(u(x), n.tf.constant(toInts(ksize)), n.tf.constant(toInts(strides)), win.padding());
        } else if (!padded(win) || n.attrInt("count_include_pad", 0) != 0) {
            // TensorFlow's SAME average pooling excludes the padding, like ONNX's default.
            if (padded(win)) {
                x = pad(n, x, win, 0f);
            }
            y = n.tf.nn.avgPool(u(x), ksize, strides, win.padding());
        } else {
            // Explicit pads excluded from the count: average of x over the average of a ones mask.
            var sums = n.tf.nn.avgPool(u(pad(n, x, win, 0f)), ksize, strides, win.padding());
            var counts = n.tf.nn.avgPool(u(pad(n, n.tf.onesLike(u(x)), win, 0f)), ksize, strides, win.padding());
            y = n.tf.math.div(u(sums), u(counts));
        }
        return List.of(TfValue.channelsLast(n.tf, y));
    }

    private static int[] toInts(List<Long> values) {
        return values.stream().mapToInt(Long::intValue).toArray();
    }

    private static List<TfValue> globalAveragePool(NodeContext n) throws BackendException {
        var xv = n.value(0);
        if (xv.rank() == 4) {
            return List.of(TfValue.channelsLast(n.tf,
                    n.tf.math.mean(u(xv.nhwc()), n.tf.constant(new int[] {1, 2}), Mean.keepDims(true))));
        }
        int rank = n.rank(0, "GlobalAveragePool");
        int[] axes = new int[rank - 2];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i + 2;
        }
        return List.of(TfValue.of(n.tf, n.tf.math.mean(u(xv.get()), n.tf.constant(axes), Mean.keepDims(true))));
    }
}
