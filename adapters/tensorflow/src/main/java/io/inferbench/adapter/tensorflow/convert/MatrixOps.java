package io.inferbench.adapter.tensorflow.convert;

import static io.inferbench.adapter.tensorflow.convert.NodeContext.u;

import io.inferbench.api.BackendException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Max;
import org.tensorflow.op.core.Min;
import org.tensorflow.op.core.Prod;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Reduction, softmax and matrix-product ONNX operators (split from {@link TensorOps}, which keeps
 * shapes and indexing). Reductions over a channels-last value map their axes to NHWC rather than
 * transposing back.
 */
final class MatrixOps {
    private static final int[] TO_NCHW = {0, 3, 1, 2};

    private MatrixOps() {
    }

    static void register(Map<String, OpConverter> ops) {
        ops.put("ReduceMean", n -> reduce(n, (x, axes, keep) -> n.tf.math.mean(u(x), axes, Mean.keepDims(keep))));
        ops.put("ReduceSum", n -> reduce(n, (x, axes, keep) -> n.tf.sum(u(x), axes, Sum.keepDims(keep))));
        ops.put("ReduceMax", n -> reduce(n, (x, axes, keep) -> n.tf.max(u(x), axes, Max.keepDims(keep))));
        ops.put("ReduceMin", n -> reduce(n, (x, axes, keep) -> n.tf.min(u(x), axes, Min.keepDims(keep))));
        ops.put("ReduceProd", n -> reduce(n, (x, axes, keep) -> n.tf.prod(u(x), axes, Prod.keepDims(keep))));
        ops.put("Softmax", MatrixOps::softmax);
        ops.put("MatMul", MatrixOps::matMul);
        ops.put("Gemm", MatrixOps::gemm);
    }

    private static List<TfValue> out(NodeContext n, Operand<?> y) {
        return List.of(TfValue.of(n.tf, y));
    }

    @FunctionalInterface
    private interface Reduction {
        Operand<?> apply(Operand<?> x, Operand<TInt32> axes, boolean keepDims);
    }

    private static List<TfValue> reduce(NodeContext n, Reduction op) throws BackendException {
        var xv = n.value(0);
        boolean keep = n.attrInt("keepdims", 1) != 0;
        long[] axes = n.axes(1);
        if (axes == null || axes.length == 0) {
            if (n.attrInt("noop_with_empty_axes", 0) != 0) {
                return List.of(xv);
            }
            int rank = n.rank(0, "reduction over all axes");
            axes = new long[rank];
            for (int i = 0; i < rank; i++) {
                axes[i] = i;
            }
        }
        int rank = xv.rank();
        int[] norm = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            if (axes[i] < 0 && rank < 0) {
                throw n.fail("negative axes need a known input rank");
            }
            norm[i] = (int) (axes[i] < 0 ? axes[i] + rank : axes[i]);
        }
        if (xv.isChannelsLast() && keep) {
            int[] mapped = Arrays.stream(norm).map(a -> TO_NCHW[a]).toArray();
            return List.of(TfValue.channelsLast(n.tf, op.apply(xv.nhwc(), n.tf.constant(mapped), true)));
        }
        return out(n, op.apply(xv.get(), n.tf.constant(norm), keep));
    }

    private static List<TfValue> softmax(NodeContext n) throws BackendException {
        var x = n.input(0);
        int rank = n.rank(0, "Softmax");
        int axis = n.axis(n.attrInt("axis", n.opset < 13 ? 1 : -1), rank);
        if (axis == rank - 1) {
            return out(n, n.tf.nn.softmax(u(x)));
        }
        if (n.opset < 13) {
            // Opset < 13: softmax over the flattened trailing dimensions [axis, rank).
            var inShape = n.tf.shape(x, TInt64.class);
            var flat = n.tf.reshape(x, n.tf.concat(List.of(
                    n.tf.prod(n.tf.slice(inShape, n.tf.constant(new long[] {0}), n.tf.constant(new long[] {axis})),
                            n.tf.constant(0), Prod.keepDims(true)),
                    n.tf.constant(new long[] {-1})), n.tf.constant(0)));
            return out(n, n.tf.reshape(n.tf.nn.softmax(u(flat)), inShape));
        }
        long[] perm = new long[rank];
        for (int i = 0; i < rank; i++) {
            perm[i] = i;
        }
        perm[axis] = rank - 1;
        perm[rank - 1] = axis; // a swap is its own inverse
        var p = n.tf.constant(perm);
        return out(n, n.tf.linalg.transpose(n.tf.nn.softmax(u(n.tf.linalg.transpose(x, p))), p));
    }

    private static List<TfValue> matMul(NodeContext n) throws BackendException {
        Operand<?> a = n.input(0);
        Operand<?> b = n.input(1);
        int ra = a.shape().numDimensions();
        int rb = b.shape().numDimensions();
        if (ra == 2 && rb == 2) {
            return out(n, n.tf.linalg.matMul(u(a), u(b)));
        }
        if (ra == 1) {
            a = n.tf.expandDims(a, n.tf.constant(0));
        }
        if (rb == 1) {
            b = n.tf.expandDims(b, n.tf.constant(-1));
        }
        Operand<?> y = n.tf.train.batchMatMul(a, b, a.type());
        if (ra == 1) {
            y = n.tf.squeeze(y, Squeeze.axis(-2L));
        }
        if (rb == 1) {
            y = n.tf.squeeze(y, Squeeze.axis(-1L));
        }
        return out(n, y);
    }

    private static List<TfValue> gemm(NodeContext n) throws BackendException {
        var a = n.input(0);
        var b = n.input(1);
        Operand<?> y = n.tf.linalg.matMul(u(a), u(b), MatMul.transposeA(n.attrInt("transA", 0) != 0),
                MatMul.transposeB(n.attrInt("transB", 0) != 0));
        float alpha = n.attrFloat("alpha", 1f);
        float beta = n.attrFloat("beta", 1f);
        if (alpha != 1f) {
            y = n.tf.math.mul(u(y), n.tf.constantOfSameType(u(y), alpha));
        }
        if (n.hasInput(2)) {
            Operand<?> c = n.input(2);
            if (beta != 1f) {
                c = n.tf.math.mul(u(c), n.tf.constantOfSameType(u(c), beta));
            }
            y = n.tf.math.add(u(y), u(c));
        }
        return out(n, y);
    }
}
