package io.inferbench.adapter.tensorflow.convert;

import static io.inferbench.adapter.tensorflow.convert.NodeContext.u;

import io.inferbench.adapter.support.OnnxDataTypes;
import io.inferbench.api.BackendException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Prod;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.core.StridedSlice;
import org.tensorflow.types.TInt64;

/**
 * Shape, indexing, reduction and matrix ONNX operators. Shape computations stay in the graph
 * (int64, like ONNX), so a Shape → Gather → Unsqueeze → Concat → Reshape chain keeps batch and
 * sequence dynamic; values known at conversion time are folded.
 */
final class TensorOps {
    private static final int[] TO_NCHW = {0, 3, 1, 2};

    private TensorOps() {
    }

    static void register(Map<String, OpConverter> ops) {
        ops.put("Constant", TensorOps::constant);
        ops.put("Shape", TensorOps::shape);
        ops.put("Gather", TensorOps::gather);
        ops.put("Slice", TensorOps::slice);
        ops.put("Concat", TensorOps::concat);
        ops.put("Reshape", TensorOps::reshape);
        ops.put("Flatten", TensorOps::flatten);
        ops.put("Transpose", TensorOps::transpose);
        ops.put("Unsqueeze", TensorOps::unsqueeze);
        ops.put("Squeeze", TensorOps::squeeze);
        ops.put("Expand", n -> List.of(TfValue.of(n.tf, n.tf.math.mul(u(n.input(0)),
                u(n.tf.ones(n.tf.dtypes.cast(n.input(1), TInt64.class), n.input(0).type()))))));
    }

    private static List<TfValue> out(NodeContext n, Operand<?> y) {
        return List.of(TfValue.of(n.tf, y));
    }

    private static List<TfValue> constant(NodeContext n) throws BackendException {
        var value = n.attr("value");
        var what = "Constant " + n.node.getName();
        if (value != null) {
            var s = OnnxTensors.staticValue(value.getT(), what);
            if (s != null) {
                n.setStaticOutput(0, s);
            }
            return out(n, OnnxTensors.constant(n.tf, value.getT(), what));
        }
        if (n.attr("value_float") != null) {
            return out(n, n.tf.constant(n.attrFloat("value_float", 0)));
        }
        if (n.attr("value_floats") != null) {
            var fs = n.attr("value_floats").getFloatsList();
            float[] f = new float[fs.size()];
            for (int i = 0; i < f.length; i++) {
                f[i] = fs.get(i);
            }
            return out(n, n.tf.constant(f));
        }
        if (n.attr("value_int") != null) {
            long v = n.attrInt("value_int", 0);
            n.setStaticOutput(0, new StaticTensor(OnnxDataTypes.INT64, new long[0], new long[] {v}, new double[] {v}));
            return out(n, n.tf.constant(v));
        }
        if (n.attr("value_ints") != null) {
            long[] v = n.attrInts("value_ints");
            n.setStaticOutput(0, StaticTensor.ofLongs(v));
            return out(n, n.tf.constant(v));
        }
        throw n.fail("only value, value_float(s) and value_int(s) constants are supported");
    }

    private static List<TfValue> shape(NodeContext n) throws BackendException {
        var x = n.value(0);
        int rank = x.rank();
        long start = n.attrInt("start", 0);
        long end = n.attrInt("end", Long.MAX_VALUE);
        if (rank >= 0) {
            long[] dims = new long[rank];
            boolean known = true;
            for (int i = 0; i < rank; i++) {
                dims[i] = x.dim(i);
                known &= dims[i] >= 0;
            }
            int s = (int) Math.max(0, Math.min(rank, start < 0 ? start + rank : start));
            int e = (int) Math.max(0, Math.min(rank, end < 0 ? end + rank : end));
            if (known) {
                long[] sub = Arrays.copyOfRange(dims, s, Math.max(s, e));
                n.setStaticOutput(0, StaticTensor.ofLongs(sub));
                return out(n, n.tf.constant(sub));
            }
            Operand<TInt64> full = x.isChannelsLast()
                    ? n.tf.gather(n.tf.shape(x.nhwc(), TInt64.class), n.tf.constant(TO_NCHW), n.tf.constant(0))
                    : n.tf.shape(x.get(), TInt64.class);
            if (s == 0 && e == rank) {
                return out(n, full);
            }
            return out(n, n.tf.slice(full, n.tf.constant(new long[] {s}), n.tf.constant(new long[] {Math.max(0, e - s)})));
        }
        if (start != 0 || end != Long.MAX_VALUE) {
            throw n.fail("Shape with start/end needs a known input rank");
        }
        return out(n, n.tf.shape(x.get(), TInt64.class));
    }

    private static List<TfValue> gather(NodeContext n) throws BackendException {
        var data = n.input(0);
        int rank = n.rank(0, "Gather");
        int axis = n.axis(n.attrInt("axis", 0), rank);
        var staticIdx = n.staticInput(1);
        var staticData = n.staticInput(0);
        if (staticIdx != null && staticData != null && staticData.dims().length == 1 && staticIdx.dims().length <= 1) {
            long[] idx = staticIdx.longs();
            long[] v = new long[idx.length];
            for (int i = 0; i < idx.length; i++) {
                v[i] = staticData.longs()[(int) (idx[i] < 0 ? idx[i] + staticData.size() : idx[i])];
            }
            n.setStaticOutput(0, new StaticTensor(staticData.onnxType(), staticIdx.dims(), v,
                    Arrays.stream(v).asDoubleStream().toArray()));
        }
        Operand<?> indices = n.input(1);
        long dim = n.value(0).dim(axis);
        if (staticIdx != null) {
            if (Arrays.stream(staticIdx.longs()).anyMatch(i -> i < 0)) {
                if (dim < 0) {
                    indices = wrapNegative(n, indices, data, axis);
                } else {
                    long[] fixed = Arrays.stream(staticIdx.longs()).map(i -> i < 0 ? i + dim : i).toArray();
                    indices = n.tf.reshape(n.tf.constant(fixed), n.tf.constant(staticIdx.dims()));
                }
            }
        } else {
            indices = wrapNegative(n, indices, data, axis); // ONNX allows negative indices, TensorFlow does not
        }
        return out(n, n.tf.gather(u(data), u(indices), n.tf.constant(axis)));
    }

    private static Operand<?> wrapNegative(NodeContext n, Operand<?> indices, Operand<?> data, int axis) {
        Operand<?> dim = n.tf.dtypes.cast(n.tf.gather(n.tf.shape(data, TInt64.class), n.tf.constant(axis),
                n.tf.constant(0)), indices.type());
        Operand<?> zero = n.tf.dtypes.cast(n.tf.constant(0L), indices.type());
        return n.tf.select(n.tf.math.less(u(indices), u(zero)), n.tf.math.add(u(indices), u(dim)), u(indices));
    }

    private static List<TfValue> slice(NodeContext n) throws BackendException {
        var x = n.input(0);
        long[] starts;
        long[] ends;
        long[] axes;
        long[] steps = null;
        Operand<TInt64> dynStarts = null;
        Operand<TInt64> dynEnds = null;
        int count;
        if (n.opset < 10) {
            starts = n.attrInts("starts");
            ends = n.attrInts("ends");
            axes = n.attrInts("axes");
            count = starts.length;
        } else {
            var s = n.staticInput(1);
            var e = n.staticInput(2);
            starts = s == null ? null : s.longs();
            ends = e == null ? null : e.longs();
            axes = n.hasInput(3) ? n.constantInts(3, "Slice axes") : null;
            steps = n.hasInput(4) ? n.constantInts(4, "Slice steps") : null;
            if (starts == null) {
                dynStarts = n.tf.dtypes.cast(n.input(1), TInt64.class);
            }
            if (ends == null) {
                dynEnds = n.tf.dtypes.cast(n.input(2), TInt64.class);
            }
            long c = axes != null ? axes.length : starts != null ? starts.length : ends != null ? ends.length
                    : n.value(1).dim(0);
            if (c < 0) {
                throw n.fail("the number of sliced axes must be known");
            }
            count = (int) c;
        }
        if (axes == null) {
            axes = new long[count];
            for (int i = 0; i < count; i++) {
                axes[i] = i;
            }
        }
        int rank = x.shape().numDimensions();
        int[] ax = new int[count];
        int dims = 0;
        for (int j = 0; j < count; j++) {
            if (axes[j] < 0 && rank < 0) {
                throw n.fail("negative axes need a known input rank");
            }
            ax[j] = (int) (axes[j] < 0 ? axes[j] + rank : axes[j]);
            dims = Math.max(dims, ax[j] + 1);
        }
        int[] position = new int[dims];
        Arrays.fill(position, -1);
        for (int j = 0; j < count; j++) {
            position[ax[j]] = j;
        }
        long mask = 0;
        long[] strides = new long[dims];
        int[] gatherIndex = new int[dims];
        for (int d = 0; d < dims; d++) {
            int j = position[d];
            strides[d] = j < 0 || steps == null ? 1 : steps[j];
            if (j < 0) {
                mask |= 1L << d;
            }
            gatherIndex[d] = j < 0 ? count : j;
        }
        Operand<TInt64> begin = sliceBounds(n, starts, dynStarts, gatherIndex);
        Operand<TInt64> end = sliceBounds(n, ends, dynEnds, gatherIndex);
        return out(n, n.tf.stridedSlice(u(x), begin, end, n.tf.constant(strides),
                StridedSlice.beginMask(mask), StridedSlice.endMask(mask)));
    }

    /** Full-rank begin or end: the value for sliced axes, 0 (masked) for the others. */
    private static Operand<TInt64> sliceBounds(NodeContext n, long[] values, Operand<TInt64> dynamic, int[] index) {
        if (values != null) {
            long[] full = new long[index.length];
            for (int d = 0; d < index.length; d++) {
                full[d] = index[d] < values.length ? values[index[d]] : 0;
            }
            return n.tf.constant(full);
        }
        var padded = n.tf.concat(List.of(n.tf.reshape(dynamic, n.tf.constant(new long[] {-1})),
                n.tf.constant(new long[] {0})), n.tf.constant(0));
        return n.tf.gather(padded, n.tf.constant(index), n.tf.constant(0));
    }

    private static List<TfValue> concat(NodeContext n) throws BackendException {
        long axis = n.attrInt("axis", 0);
        boolean anyChannelsLast = false;
        boolean allRank4 = true;
        for (int i = 0; i < n.inputCount(); i++) {
            anyChannelsLast |= n.value(i).isChannelsLast();
            allRank4 &= n.value(i).rank() == 4;
        }
        var parts = new ArrayList<Operand<org.tensorflow.types.family.TType>>();
        if (anyChannelsLast && allRank4) {
            int a = TO_NCHW[n.axis(axis, 4)];
            for (int i = 0; i < n.inputCount(); i++) {
                parts.add(u(n.value(i).nhwc()));
            }
            return List.of(TfValue.channelsLast(n.tf, n.tf.concat(parts, n.tf.constant(a))));
        }
        var statics = new ArrayList<StaticTensor>();
        for (int i = 0; i < n.inputCount(); i++) {
            parts.add(u(n.input(i)));
            statics.add(n.staticInput(i));
        }
        if (!statics.contains(null) && statics.stream().allMatch(s -> s.dims().length == 1)) {
            n.setStaticOutput(0, StaticTensor.ofLongs(statics.stream().flatMapToLong(s -> Arrays.stream(s.longs()))
                    .toArray()));
        }
        int rank = n.value(0).rank();
        long a = axis < 0 && rank >= 0 ? axis + rank : axis; // TensorFlow also takes negative axes
        return out(n, n.tf.concat(parts, n.tf.constant(a)));
    }

    private static List<TfValue> reshape(NodeContext n) throws BackendException {
        var xv = n.value(0);
        var x = xv.get();
        boolean allowZero = n.attrInt("allowzero", 0) != 0;
        long[] target = n.opset < 5 ? n.attrInts("shape") : null;
        if (target == null && n.staticInput(1) != null) {
            target = n.staticInput(1).longs();
        }
        if (target != null) {
            long[] resolved = target.clone();
            boolean known = true;
            for (int i = 0; i < resolved.length; i++) {
                if (resolved[i] == 0 && !allowZero) {
                    resolved[i] = i < xv.rank() ? xv.dim(i) : -2;
                    known &= resolved[i] >= 0;
                }
            }
            if (known) {
                return out(n, n.tf.reshape(x, n.tf.constant(resolved)));
            }
        }
        Operand<TInt64> shape = target != null ? n.tf.constant(target)
                : n.tf.dtypes.cast(n.input(1), TInt64.class);
        if (allowZero) {
            return out(n, n.tf.reshape(x, shape));
        }
        // ONNX: 0 copies the input's dimension at that position; TensorFlow would take it literally.
        var inShape = n.tf.shape(x, TInt64.class);
        var padded = n.tf.concat(List.of(inShape, n.tf.zerosLike(shape)), n.tf.constant(0));
        var copied = n.tf.slice(padded, n.tf.constant(new long[] {0}), n.tf.shape(shape, TInt64.class));
        var zero = n.tf.constant(0L);
        return out(n, n.tf.reshape(x, n.tf.select(n.tf.math.equal(shape, zero), copied, shape)));
    }

    private static List<TfValue> flatten(NodeContext n) throws BackendException {
        var x = n.input(0);
        int rank = n.rank(0, "Flatten");
        int axis = (int) n.attrInt("axis", 1);
        axis = axis < 0 ? axis + rank : axis;
        long outer = 1;
        for (int i = 0; i < axis; i++) {
            long d = n.value(0).dim(i);
            outer = outer < 0 || d < 0 ? -1 : outer * d;
        }
        if (outer >= 0) {
            return out(n, n.tf.reshape(x, n.tf.constant(new long[] {outer, -1})));
        }
        long inner = 1;
        for (int i = axis; i < rank; i++) {
            long d = n.value(0).dim(i);
            inner = inner < 0 || d < 0 ? -1 : inner * d;
        }
        if (inner >= 0) {
            return out(n, n.tf.reshape(x, n.tf.constant(new long[] {-1, inner})));
        }
        var inShape = n.tf.shape(x, TInt64.class);
        var head = n.tf.prod(n.tf.slice(inShape, n.tf.constant(new long[] {0}), n.tf.constant(new long[] {axis})),
                n.tf.constant(0), Prod.keepDims(true));
        return out(n, n.tf.reshape(x, n.tf.concat(List.of(head, n.tf.constant(new long[] {-1})), n.tf.constant(0))));
    }

    private static List<TfValue> transpose(NodeContext n) throws BackendException {
        var xv = n.value(0);
        long[] perm = n.attrInts("perm");
        if (perm == null) {
            int rank = n.rank(0, "Transpose without perm");
            perm = new long[rank];
            for (int i = 0; i < rank; i++) {
                perm[i] = rank - 1 - i;
            }
        }
        if (xv.isChannelsLast() && perm.length == 4) {
            long[] composed = new long[4];
            for (int i = 0; i < 4; i++) {
                composed[i] = TO_NCHW[(int) perm[i]];
            }
            return out(n, n.tf.linalg.transpose(xv.nhwc(), n.tf.constant(composed)));
        }
        return out(n, n.tf.linalg.transpose(xv.get(), n.tf.constant(perm)));
    }

    private static List<TfValue> unsqueeze(NodeContext n) throws BackendException {
        long[] axes = n.axes(1);
        if (axes == null) {
            throw n.fail("axes are required");
        }
        int inRank = n.value(0).rank();
        int outRank = inRank < 0 ? -1 : inRank + axes.length;
        long[] norm = new long[axes.length];
        for (int i = 0; i < axes.length; i++) {
            if (axes[i] < 0 && outRank < 0) {
                throw n.fail("negative axes need a known input rank");
            }
            norm[i] = axes[i] < 0 ? axes[i] + outRank : axes[i];
        }
        Arrays.sort(norm);
        Operand<?> y = n.input(0);
        for (long a : norm) {
            y = n.tf.expandDims(y, n.tf.constant((int) a));
        }
        var s = n.staticInput(0);
        if (s != null && s.dims().length == 0 && norm.length == 1) {
            n.setStaticOutput(0, new StaticTensor(s.onnxType(), new long[] {1}, s.longs(), s.doubles()));
        }
        return out(n, y);
    }

    private static List<TfValue> squeeze(NodeContext n) throws BackendException {
        long[] axes = n.axes(1);
        if (axes == null) {
            return out(n, n.tf.squeeze(n.input(0)));
        }
        int rank = n.value(0).rank();
        var list = new ArrayList<Long>();
        for (long a : axes) {
            list.add(a < 0 && rank >= 0 ? a + rank : a);
        }
        return out(n, n.tf.squeeze(n.input(0), Squeeze.axis(list)));
    }
}
