package io.inferbench.adapter.tensorflow.convert;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;

/**
 * One ONNX tensor in the TensorFlow graph being built. A rank-4 image tensor may live in
 * channels-last (NHWC) layout, because TensorFlow's CPU convolution and pooling kernels only take
 * NHWC; the ONNX-layout (NCHW) form is then made on demand with one transpose, and vice versa. Both
 * forms are memoised, so a tensor is transposed at most once whatever its consumers are.
 */
final class TfValue {
    private static final int[] TO_NHWC = {0, 2, 3, 1};
    private static final int[] TO_NCHW = {0, 3, 1, 2};

    private final Ops tf;
    private Operand<?> onnxLayout;
    private Operand<?> channelsLast;

    private TfValue(Ops tf, Operand<?> onnxLayout, Operand<?> channelsLast) {
        this.tf = tf;
        this.onnxLayout = onnxLayout;
        this.channelsLast = channelsLast;
    }

    /** A tensor in ONNX's own layout. */
    static TfValue of(Ops tf, Operand<?> operand) {
        return new TfValue(tf, operand, null);
    }

    /** A rank-4 tensor whose ONNX layout is NCHW, given in NHWC. */
    static TfValue channelsLast(Ops tf, Operand<?> nhwc) {
        return new TfValue(tf, null, nhwc);
    }

    /** True when the tensor was produced in NHWC and its NCHW form has not been needed yet. */
    boolean isChannelsLast() {
        return onnxLayout == null;
    }

    /** The tensor in ONNX layout. */
    Operand<?> get() {
        if (onnxLayout == null) {
            onnxLayout = tf.linalg.transpose(channelsLast, tf.constant(TO_NCHW));
        }
        return onnxLayout;
    }

    /** The rank-4 tensor in NHWC layout. */
    Operand<?> nhwc() {
        if (channelsLast == null) {
            channelsLast = tf.linalg.transpose(onnxLayout, tf.constant(TO_NHWC));
        }
        return channelsLast;
    }

    /** Rank in ONNX terms, or -1 when TensorFlow's shape inference does not know it. */
    int rank() {
        return onnxLayout != null ? onnxLayout.shape().numDimensions() : 4;
    }

    /** Static dimension {@code i} in ONNX layout, or -1 when unknown. */
    long dim(int i) {
        if (onnxLayout != null) {
            var shape = onnxLayout.shape();
            return shape.isUnknown() ? -1 : shape.get(i);
        }
        var shape = channelsLast.shape();
        return shape.isUnknown() ? -1 : shape.get(TO_NCHW[i]); // ONNX axis i lives at NHWC axis TO_NCHW[i]
    }
}
