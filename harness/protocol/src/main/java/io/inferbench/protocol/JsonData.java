package io.inferbench.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.inferbench.api.DType;
import io.inferbench.api.Tensor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A tensor's elements as a JSON array, both ways: written flat in row-major order, read flat or nested
 * (the v2 protocol allows both). Reading counts the elements before allocating, so a shape that lies
 * about its data is refused without allocating what it claims.
 */
final class JsonData {
    private JsonData() {
    }

    /** Writes {@code tensor}'s elements as one flat array. FP16 and BF16 go out as their float values. */
    static void write(JsonGenerator g, Tensor tensor) throws IOException {
        ByteBuffer b = tensor.data();
        int n = Math.toIntExact(tensor.elementCount());
        g.writeStartArray();
        switch (tensor.dtype()) {
            case FLOAT32 -> {
                for (int i = 0; i < n; i++) {
                    g.writeNumber(b.getFloat());
                }
            }
            case FLOAT64 -> {
                for (int i = 0; i < n; i++) {
                    g.writeNumber(b.getDouble());
                }
            }
            case INT64 -> {
                for (int i = 0; i < n; i++) {
                    g.writeNumber(b.getLong());
                }
            }
            case INT32 -> {
                for (int i = 0; i < n; i++) {
                    g.writeNumber(b.getInt());
                }
            }
            case INT16 -> {
                for (int i = 0; i < n; i++) {
                    g.writeNumber(b.getShort());
                }
            }
            case INT8 -> {
                for (int i = 0; i < n; i++) {
                    g.writeNumber(b.get());
                }
            }
            case UINT8 -> {
                for (int i = 0; i < n; i++) {
                    g.writeNumber(b.get() & 0xff);
                }
            }
            case BOOL -> {
                for (int i = 0; i < n; i++) {
                    g.writeBoolean(b.get() != 0);
                }
            }
            case FLOAT16, BFLOAT16 -> {
                for (float f : tensor.toFloatArray()) {
                    g.writeNumber(f);
                }
            }
            case STRING -> throw new IllegalArgumentException("string tensors have no JSON form here");
        }
        g.writeEndArray();
    }

    /**
     * Reads {@code data} (flat or nested) as {@code count} elements of {@code dtype}.
     *
     * @throws ProtocolException naming {@code field} when the count differs, an element is not a number
     *                           (or a boolean, for BOOL), or out of the type's range
     */
    static Tensor read(JsonNode data, DType dtype, long[] shape, long count, String field) throws ProtocolException {
        if (data == null || !data.isArray()) {
            throw new ProtocolException(field + ": expected 'data' as an array (or parameters.binary_data_size)");
        }
        if (dtype == DType.FLOAT16 || dtype == DType.BFLOAT16) {
            throw new ProtocolException(field + ": " + V2Datatypes.name(dtype) + " tensors are accepted in binary "
                    + "form only (parameters.binary_data_size)");
        }
        long found = countLeaves(data);
        if (found != count) {
            throw new ProtocolException(field + ": shape " + java.util.Arrays.toString(shape) + " has " + count
                    + " elements but data has " + found);
        }
        ByteBuffer out = ByteBuffer.allocateDirect(Math.toIntExact(count * dtype.byteSize()))
                .order(ByteOrder.nativeOrder());
        Deque<JsonNode> stack = new ArrayDeque<>();
        pushChildren(stack, data);
        long index = 0;
        while (!stack.isEmpty()) {
            JsonNode node = stack.pop();
            if (node.isArray()) {
                pushChildren(stack, node);
                continue;
            }
            put(out, node, dtype, field, index++);
        }
        out.flip();
        return new Tensor(dtype, shape, out);
    }

    private static void pushChildren(Deque<JsonNode> stack, JsonNode array) {
        for (int i = array.size() - 1; i >= 0; i--) {
            stack.push(array.get(i));
        }
    }

    private static long countLeaves(JsonNode data) {
        long n = 0;
        Deque<JsonNode> stack = new ArrayDeque<>();
        stack.push(data);
        while (!stack.isEmpty()) {
            JsonNode node = stack.pop();
            if (node.isArray()) {
                node.forEach(stack::push);
            } else {
                n++;
            }
        }
        return n;
    }

    private static void put(ByteBuffer out, JsonNode v, DType dtype, String field, long index)
            throws ProtocolException {
        if (dtype == DType.BOOL) {
            if (!v.isBoolean() && !(v.isIntegralNumber() && (v.asLong() == 0 || v.asLong() == 1))) {
                throw element(field, index, v, "a boolean");
            }
            out.put((byte) (v.isBoolean() ? (v.booleanValue() ? 1 : 0) : v.asInt()));
            return;
        }
        if (!v.isNumber()) {
            throw element(field, index, v, "a number");
        }
        switch (dtype) {
            case FLOAT32 -> out.putFloat(v.floatValue());
            case FLOAT64 -> out.putDouble(v.doubleValue());
            case INT64 -> out.putLong(integral(v, Long.MIN_VALUE, Long.MAX_VALUE, field, index));
            case INT32 -> out.putInt((int) integral(v, Integer.MIN_VALUE, Integer.MAX_VALUE, field, index));
            case INT16 -> out.putShort((short) integral(v, Short.MIN_VALUE, Short.MAX_VALUE, field, index));
            case INT8 -> out.put((byte) integral(v, Byte.MIN_VALUE, Byte.MAX_VALUE, field, index));
            case UINT8 -> out.put((byte) integral(v, 0, 255, field, index));
            default -> throw new IllegalStateException(dtype.toString());
        }
    }

    private static long integral(JsonNode v, long min, long max, String field, long index) throws ProtocolException {
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
            throw element(field, index, v, "an integer in [" + min + ", " + max + "]");
        }
        return v.asLong();
    }

    private static ProtocolException element(String field, long index, JsonNode v, String expected) {
        String text = v.toString();
        return new ProtocolException(field + ": data[" + index + "] is " + (text.length() > 40
                ? text.substring(0, 40) + "..." : text) + ", expected " + expected);
    }
}
