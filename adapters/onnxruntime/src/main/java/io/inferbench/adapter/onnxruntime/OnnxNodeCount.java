package io.inferbench.adapter.onnxruntime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The number of nodes in an ONNX model's main graph, read from the protobuf wire format directly (the adapter
 * has no protobuf runtime: {@code ModelProto.graph} is field 7, {@code GraphProto.node} field 1). Subgraphs'
 * nodes (If/Loop bodies) are not counted.
 */
final class OnnxNodeCount {
    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_NODE = 1;

    private OnnxNodeCount() {
    }

    static int of(Path model) throws IOException {
        try (FileChannel ch = FileChannel.open(model, StandardOpenOption.READ)) {
            ByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
            return count(b);
        }
    }

    static int count(ByteBuffer model) throws IOException {
        ByteBuffer graph = field(model, MODEL_GRAPH);
        if (graph == null) {
            throw new IOException("no graph in the model");
        }
        int nodes = 0;
        while (graph.hasRemaining()) {
            long tag = varint(graph);
            if ((int) (tag >>> 3) == GRAPH_NODE && (tag & 7) == 2) {
                nodes++;
            }
            skip(graph, (int) (tag & 7));
        }
        return nodes;
    }

    /** The first length-delimited field {@code number} of {@code message}, as a slice; null if absent. */
    private static ByteBuffer field(ByteBuffer message, int number) throws IOException {
        while (message.hasRemaining()) {
            long tag = varint(message);
            int wire = (int) (tag & 7);
            if ((int) (tag >>> 3) == number && wire == 2) {
                int length = Math.toIntExact(varint(message));
                ByteBuffer slice = message.slice(message.position(), length);
                message.position(message.position() + length);
                return slice;
            }
            skip(message, wire);
        }
        return null;
    }

    private static void skip(ByteBuffer b, int wire) throws IOException {
        switch (wire) {
            case 0 -> varint(b);
            case 1 -> b.position(b.position() + 8);
            case 2 -> {
                int length = Math.toIntExact(varint(b));
                b.position(b.position() + length);
            }
            case 5 -> b.position(b.position() + 4);
            default -> throw new IOException("not an ONNX model (protobuf wire type " + wire + ")");
        }
    }

    private static long varint(ByteBuffer b) throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (!b.hasRemaining()) {
                throw new IOException("truncated protobuf");
            }
            byte x = b.get();
            value |= (long) (x & 0x7f) << shift;
            if (x >= 0) {
                return value;
            }
        }
        throw new IOException("malformed protobuf varint");
    }
}
