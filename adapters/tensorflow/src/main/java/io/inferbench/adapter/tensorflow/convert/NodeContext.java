package io.inferbench.adapter.tensorflow.convert;

import io.inferbench.onnx.proto.OnnxProto.AttributeProto;
import io.inferbench.onnx.proto.OnnxProto.NodeProto;
import io.inferbench.api.UnsupportedModelException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TType;

/**
 * What an {@link OpConverter} sees of one ONNX node: its inputs as TensorFlow values, its
 * attributes, the opset, and an {@link Ops} scoped to the node's name.
 */
final class NodeContext {
    final Ops tf;
    final NodeProto node;
    final int opset;
    private final Map<String, TfValue> values;
    private final Map<String, StaticTensor> statics;

    NodeContext(Ops tf, NodeProto node, int opset, Map<String, TfValue> values, Map<String, StaticTensor> statics) {
        this.tf = tf;
        this.node = node;
        this.opset = opset;
        this.values = values;
        this.statics = statics;
    }

    /** Unchecked view of an operand with the type a TensorFlow op method wants. */
    @SuppressWarnings("unchecked")
    static <T extends TType> Operand<T> u(Operand<?> operand) {
        return (Operand<T>) operand;
    }

    String opType() {
        return node.getOpType();
    }

    /** Number of inputs actually given (an empty name means an omitted optional input). */
    boolean hasInput(int i) {
        return i < node.getInputCount() && !node.getInput(i).isEmpty();
    }

    int inputCount() {
        return node.getInputCount();
    }

    TfValue value(int i) throws UnsupportedModelException {
        if (!hasInput(i)) {
            throw fail("input " + i + " is missing");
        }
        var v = values.get(node.getInput(i));
        if (v == null) {
            throw fail("input " + node.getInput(i) + " is not produced before this node");
        }
        return v;
    }

    /** Input {@code i} in ONNX layout. */
    Operand<?> input(int i) throws UnsupportedModelException {
        return value(i).get();
    }

    /** Conversion-time values of input {@code i}, or null when it is computed at run time. */
    StaticTensor staticInput(int i) {
        return hasInput(i) ? statics.get(node.getInput(i)) : null;
    }

    /** Conversion-time integer values of input {@code i}; fails when they are only known at run time. */
    long[] constantInts(int i, String what) throws UnsupportedModelException {
        var s = staticInput(i);
        if (s == null) {
            throw fail(what + " must be a constant");
        }
        return s.longs();
    }

    /** Records conversion-time values for output {@code i} (small shape computations). */
    void setStaticOutput(int i, StaticTensor value) {
        statics.put(node.getOutput(i), value);
    }

    AttributeProto attr(String name) {
        for (var a : node.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a;
            }
        }
        return null;
    }

    long attrInt(String name, long dflt) {
        var a = attr(name);
        return a == null ? dflt : a.getI();
    }

    float attrFloat(String name, float dflt) {
        var a = attr(name);
        return a == null ? dflt : a.getF();
    }

    String attrString(String name, String dflt) {
        var a = attr(name);
        return a == null ? dflt : a.getS().toStringUtf8();
    }

    /** An ints attribute, or null when absent. */
    long[] attrInts(String name) {
        var a = attr(name);
        return a == null ? null : a.getIntsList().stream().mapToLong(Long::longValue).toArray();
    }

    /** Axes from the {@code axes} attribute (older opsets) or input {@code inputIndex} (newer), or null. */
    long[] axes(int inputIndex) throws UnsupportedModelException {
        var fromAttr = attrInts("axes");
        if (fromAttr != null) {
            return fromAttr;
        }
        return hasInput(inputIndex) ? constantInts(inputIndex, "axes") : null;
    }

    /** Rank of input {@code i}; fails when TensorFlow's shape inference does not know it. */
    int rank(int i, String why) throws UnsupportedModelException {
        int r = value(i).rank();
        if (r < 0) {
            throw fail("the rank of input " + node.getInput(i) + " must be known (" + why + ")");
        }
        return r;
    }

    /** A possibly negative ONNX axis as an index in {@code [0, rank)}. */
    int axis(long axis, int rank) throws UnsupportedModelException {
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw fail("axis " + axis + " is out of range for rank " + rank);
        }
        return (int) a;
    }

    List<Long> list(long... values) {
        var list = new ArrayList<Long>(values.length);
        for (long v : values) {
            list.add(v);
        }
        return list;
    }

    /** An exception naming this node, for a case the converter does not handle. */
    UnsupportedModelException fail(String message) {
        return new UnsupportedModelException("ONNX node " + node.getName() + " (" + node.getOpType() + "): " + message);
    }
}
