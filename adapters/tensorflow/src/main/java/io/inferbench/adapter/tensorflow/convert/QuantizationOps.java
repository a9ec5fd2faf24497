package io.inferbench.adapter.tensorflow.convert;

import static io.inferbench.adapter.tensorflow.convert.NodeContext.u;

import io.inferbench.adapter.support.OnnxDataTypes;
import io.inferbench.api.BackendException;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TUint8;

/**
 * ONNX's quantization operators, as ONNX Runtime's int8 models use them: {@code DynamicQuantizeLinear} and
 * {@code MatMulInteger} (dynamic int8), {@code QuantizeLinear} and {@code DequantizeLinear} (QDQ, and uint8
 * embedding tables). TensorFlow Java has no int8 type, so int8 tensors live as int32 holding int8 values
 * ({@link OnnxTensors} widens int8 constants); uint8 ones are uint8. The integer product is exact in int32, as
 * ONNX Runtime's; rounding is half to even ({@code Rint}), as the ONNX specification says.
 */
final class QuantizationOps {
    private static final float UINT8_MAX = 255f;

    private QuantizationOps() {
    }

    static void register(Map<String, OpConverter> ops) {
        ops.put("DynamicQuantizeLinear", QuantizationOps::dynamicQuantizeLinear);
        ops.put("MatMulInteger", QuantizationOps::matMulInteger);
        ops.put("QuantizeLinear", QuantizationOps::quantizeLinear);
        ops.put("DequantizeLinear", QuantizationOps::dequantizeLinear);
    }

    /**
     * uint8 with a range that always includes 0: {@code scale = (max - min) / 255} (1 when the range is empty, as
     * ONNX Runtime does), {@code zero_point = clip(rint(-min / scale), 0, 255)}, {@code y = clip(rint(x / scale) +
     * zero_point, 0, 255)}.
     */
    private static List<TfValue> dynamicQuantizeLinear(NodeContext n) throws BackendException {
        Ops tf = n.tf;
        Operand<TFloat32> x = u(n.input(0));
        Operand<TInt32> all = tf.range(tf.constant(0), tf.rank(x), tf.constant(1));
        Operand<TFloat32> zero = tf.constant(0f);
        Operand<TFloat32> min = tf.math.minimum(tf.min(x, all), zero);
        Operand<TFloat32> max = tf.math.maximum(tf.max(x, all), zero);
        Operand<TFloat32> range = tf.math.sub(max, min);
        Operand<TFloat32> scale = tf.select(tf.math.equal(range, zero), tf.constant(1f),
                tf.math.div(range, tf.constant(UINT8_MAX)));
        Operand<TFloat32> zeroPoint = clip(tf, tf.math.rint(tf.math.sub(zero, tf.math.div(min, scale))), 0, UINT8_MAX);
        Operand<TFloat32> y = clip(tf, tf.math.add(tf.math.rint(tf.math.div(x, scale)), zeroPoint), 0, UINT8_MAX);
        return List.of(TfValue.of(tf, tf.dtypes.cast(y, TUint8.class)), TfValue.of(tf, scale),
                TfValue.of(tf, tf.dtypes.cast(zeroPoint, TUint8.class)));
    }

    /** {@code (A - a_zero_point) x (B - b_zero_point)} in int32; b_zero_point may be one per column. */
    private static List<TfValue> matMulInteger(NodeContext n) throws BackendException {
        Ops tf = n.tf;
        Operand<TInt32> a = int32(tf, n.input(0));
        Operand<TInt32> b = int32(tf, n.input(1));
        if (n.hasInput(2)) {
            a = tf.math.sub(a, int32(tf, n.input(2)));
        }
        if (n.hasInput(3)) {
            b = tf.math.sub(b, int32(tf, n.input(3)));
        }
        int ra = a.shape().numDimensions();
        int rb = b.shape().numDimensions();
        if (ra < 2 || rb < 2) {
            throw n.fail("MatMulInteger of rank-1 operands is not supported");
        }
        Operand<?> y = ra == 2 && rb == 2 ? tf.linalg.matMul(a, b) : tf.train.batchMatMul(a, b, TInt32.class);
        return List.of(TfValue.of(tf, y));
    }

    /** {@code y = clip(rint(x / scale) + zero_point)} in the zero point's type (uint8 when it is absent). */
    private static List<TfValue> quantizeLinear(NodeContext n) throws BackendException {
        Ops tf = n.tf;
        Operand<TFloat32> x = u(n.input(0));
        Operand<TFloat32> scale = perAxis(n, 1, x.shape().numDimensions());
        boolean int8 = isInt8(n, 2);
        Operand<TFloat32> zeroPoint = n.hasInput(2) ? perAxis(n, 2, x.shape().numDimensions()) : tf.constant(0f);
        Operand<TFloat32> y = clip(tf, tf.math.add(tf.math.rint(tf.math.div(x, scale)), zeroPoint),
                int8 ? -128 : 0, int8 ? 127 : UINT8_MAX);
        return List.of(TfValue.of(tf, int8 ? tf.dtypes.cast(y, TInt32.class) : tf.dtypes.cast(y, TUint8.class)));
    }

    /** {@code y = (x - zero_point) * scale} as float32; scale and zero point per tensor or along {@code axis}. */
    private static List<TfValue> dequantizeLinear(NodeContext n) throws BackendException {
        Ops tf = n.tf;
        Operand<?> in = n.input(0);
        int rank = in.shape().numDimensions();
        Operand<TFloat32> x = tf.dtypes.cast(in, TFloat32.class);
        if (n.hasInput(2)) {
            x = tf.math.sub(x, perAxis(n, 2, rank));
        }
        return List.of(TfValue.of(tf, tf.math.mul(x, perAxis(n, 1, rank))));
    }

    /** Input {@code i} (a scale or zero point) as float32, shaped to broadcast along the node's axis if 1-D. */
    private static Operand<TFloat32> perAxis(NodeContext n, int i, int rank) throws BackendException {
        Ops tf = n.tf;
        Operand<TFloat32> v = tf.dtypes.cast(n.input(i), TFloat32.class);
        int vr = v.shape().numDimensions();
        if (vr == 0) {
            return v;
        }
        if (vr != 1) {
            throw n.fail("a scale or zero point must be a scalar or 1-D, not rank " + vr);
        }
        if (rank < 0) {
            throw n.fail("per-axis quantization needs the input's rank");
        }
        int axis = n.axis(n.attrInt("axis", 1), rank);
        long[] shape = new long[rank];
        java.util.Arrays.fill(shape, 1);
        shape[axis] = -1;
        return tf.reshape(v, tf.constant(shape));
    }

    private static boolean isInt8(NodeContext n, int i) throws BackendException {
        if (!n.hasInput(i)) {
            return false;
        }
        StaticTensor s = n.staticInput(i);
        if (s != null) {
            return s.onnxType() == OnnxDataTypes.INT8;
        }
        if (n.input(i).type() == TUint8.class) {
            return false;
        }
        throw n.fail("the zero point's type must be known at conversion time");
    }

    private static Operand<TInt32> int32(Ops tf, Operand<?> x) {
        return x.type() == TInt32.class ? u(x) : tf.dtypes.cast(x, TInt32.class);
    }

    private static Operand<TFloat32> clip(Ops tf, Operand<TFloat32> x, float low, float high) {
        return tf.math.minimum(tf.math.maximum(x, tf.constant(low)), tf.constant(high));
    }
}
