package io.inferbench.testsupport;

import io.inferbench.adapter.support.OnnxDataTypes;
import io.inferbench.api.DType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes tiny ONNX models, encoding the protobuf by hand, so tests need neither Python nor the onnx
 * library. Field numbers are those of {@code onnx.proto} (ModelProto, GraphProto, NodeProto, ...).
 */
public final class TinyOnnx {
    /** A graph value: name, ONNX element type, dims ({@link Long} for fixed, {@link String} for symbolic). */
    public record Value(String name, int elemType, List<Object> dims) {
    }

    /** A node with one input and one output. */
    public record Node(String opType, String input, String output) {
    }

    private TinyOnnx() {
    }

    /** One Identity node per dtype: input {@code x_<dtype>} [n] to output {@code y_<dtype>} [n]. */
    public static byte[] identities(List<DType> dtypes) {
        List<Node> nodes = dtypes.stream().map(t -> new Node("Identity", "x_" + t.id(), "y_" + t.id())).toList();
        List<Value> in = dtypes.stream().map(t -> new Value("x_" + t.id(), OnnxDataTypes.code(t), List.of("n")))
                .toList();
        List<Value> out = dtypes.stream().map(t -> new Value("y_" + t.id(), OnnxDataTypes.code(t), List.of("n")))
                .toList();
        return model(13, nodes, in, out);
    }

    /** A single-node model {@code x -> op -> y}, float32 [2, 3] unless {@code elemType} says otherwise. */
    public static byte[] singleOp(String opType, int elemType, int opset) {
        List<Object> dims = List.of(2L, 3L);
        return model(opset, List.of(new Node(opType, "x", "y")),
                List.of(new Value("x", elemType, dims)), List.of(new Value("y", elemType, dims)));
    }

    /** A model of one-input nodes; graph inputs and outputs in the order given. */
    public static byte[] model(int opset, List<Node> nodes, List<Value> inputs, List<Value> outputs) {
        Proto graph = new Proto();
        for (Node n : nodes) {
            graph.message(1, new Proto().string(1, n.input()).string(2, n.output()).string(4, n.opType()));
        }
        graph.string(2, "tiny");
        inputs.forEach(v -> graph.message(11, valueInfo(v)));
        outputs.forEach(v -> graph.message(12, valueInfo(v)));
        return new Proto()
                .varint(1, 8) // ir_version
                .string(2, "inferbench-test")
                .message(7, graph)
                .message(8, new Proto().string(1, "").varint(2, opset))
                .bytes();
    }

    private static Proto valueInfo(Value v) {
        Proto shape = new Proto();
        for (Object d : v.dims()) {
            shape.message(1, d instanceof Long n ? new Proto().varint(1, n) : new Proto().string(2, (String) d));
        }
        Proto tensorType = new Proto().varint(1, v.elemType()).message(2, shape);
        return new Proto().string(1, v.name()).message(2, new Proto().message(1, tensorType));
    }

    /** Minimal protobuf writer: varint and length-delimited fields. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long value) {
            raw((long) field << 3);
            raw(value);
            return this;
        }

        Proto string(int field, String s) {
            return field(field, s.getBytes(StandardCharsets.UTF_8));
        }

        Proto message(int field, Proto m) {
            return field(field, m.bytes());
        }

        private Proto field(int field, byte[] data) {
            raw(((long) field << 3) | 2);
            raw(data.length);
            out.writeBytes(data);
            return this;
        }

        private void raw(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
