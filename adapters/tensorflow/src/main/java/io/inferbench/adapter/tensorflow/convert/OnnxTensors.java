package io.inferbench.adapter.tensorflow.convert;

import static io.inferbench.adapter.support.OnnxDataTypes.BOOL;
import static io.inferbench.adapter.support.OnnxDataTypes.DOUBLE;
import static io.inferbench.adapter.support.OnnxDataTypes.FLOAT;
import static io.inferbench.adapter.support.OnnxDataTypes.FLOAT16;
import static io.inferbench.adapter.support.OnnxDataTypes.INT32;
import static io.inferbench.adapter.support.OnnxDataTypes.INT64;
import static io.inferbench.adapter.support.OnnxDataTypes.INT8;
import static io.inferbench.adapter.support.OnnxDataTypes.UINT8;

import io.inferbench.onnx.proto.OnnxProto.TensorProto;
import io.inferbench.api.BackendException;
import io.inferbench.api.UnsupportedModelException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat16;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TUint8;
import org.tensorflow.types.family.TType;

/**
 * ONNX element types (the shared {@code OnnxDataTypes} codes) and {@code TensorProto}s turned into
 * TensorFlow types and constants.
 */
final class OnnxTensors {
    private static final Map<Integer, Class<? extends TType>> TYPES = Map.of(
            FLOAT, TFloat32.class, UINT8, TUint8.class, INT32, TInt32.class,
            INT64, TInt64.class, BOOL, TBool.class, FLOAT16, TFloat16.class, DOUBLE, TFloat64.class);
    private static final Map<Integer, Integer> SIZES = Map.of(
            FLOAT, 4, UINT8, 1, INT8, 1, INT32, 4, INT64, 8, BOOL, 1, FLOAT16, 2, DOUBLE, 8);

    /** Constants up to this many elements also keep their values for conversion-time use. */
    private static final int STATIC_LIMIT = 4096;

    private OnnxTensors() {
    }

    /** The TensorFlow type of an ONNX element type, or an exception naming it. */
    static Class<? extends TType> tfType(int onnxType, String what) throws UnsupportedModelException {
        var type = TYPES.get(onnxType);
        if (type == null) {
            throw new UnsupportedModelException("unsupported ONNX element type "
                    + TensorProto.DataType.forNumber(onnxType) + " for " + what);
        }
        return type;
    }

    /** The ONNX element type of a TensorFlow type. */
    static int onnxType(Class<?> tfType) {
        return TYPES.entrySet().stream().filter(e -> e.getValue().equals(tfType))
                .mapToInt(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no ONNX type for " + tfType));
    }

    /** A graph constant holding the tensor. */
    static Operand<?> constant(Ops tf, TensorProto t, String what) throws BackendException {
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            throw new UnsupportedModelException("tensor " + what + " keeps its data in an external file;"
                    + " external data is not supported");
        }
        long[] dims = t.getDimsList().stream().mapToLong(Long::longValue).toArray();
        if (t.getDataType() == INT8) {
            // TensorFlow Java has no int8 type: int8 weights and zero points live as int32 (QuantizationOps).
            byte[] bytes = littleEndianBytes(t, what);
            ByteBuffer wide = ByteBuffer.allocate(bytes.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (byte b : bytes) {
                wide.putInt(b);
            }
            return tf.constant(TInt32.class, Shape.of(dims), DataBuffers.of(wide.array(), true, false));
        }
        var type = tfType(t.getDataType(), what);
        return tf.constant(type, Shape.of(dims), DataBuffers.of(littleEndianBytes(t, what), true, false));
    }

    /** The values of a small numeric tensor (for axes, shapes, scalars), or null if too large. */
    static StaticTensor staticValue(TensorProto t, String what) throws BackendException {
        long[] dims = t.getDimsList().stream().mapToLong(Long::longValue).toArray();
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        if (n > STATIC_LIMIT || !SIZES.containsKey(t.getDataType())
                || t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            return null;
        }
        var buf = ByteBuffer.wrap(littleEndianBytes(t, what)).order(ByteOrder.LITTLE_ENDIAN);
        double[] values = new double[(int) n];
        long[] longs = new long[(int) n];
        for (int i = 0; i < n; i++) {
            switch (t.getDataType()) {
                case FLOAT -> values[i] = buf.getFloat();
                case DOUBLE -> values[i] = buf.getDouble();
                case INT64 -> longs[i] = buf.getLong();
                case INT32 -> longs[i] = buf.getInt();
                case UINT8 -> longs[i] = buf.get() & 0xff;
                case INT8, BOOL -> longs[i] = buf.get();
                default -> {
                    return null;
                }
            }
            if (t.getDataType() == FLOAT || t.getDataType() == DOUBLE) {
                longs[i] = (long) values[i];
            } else {
                values[i] = longs[i];
            }
        }
        return new StaticTensor(t.getDataType(), dims, longs, values);
    }

    /** The tensor's data as little-endian bytes, from raw_data or the typed fields. */
    static byte[] littleEndianBytes(TensorProto t, String what) throws BackendException {
        int type = t.getDataType();
        int size = SIZES.getOrDefault(type, 0);
        if (size == 0) {
            throw new UnsupportedModelException("unsupported ONNX element type "
                    + TensorProto.DataType.forNumber(type) + " for " + what);
        }
        long n = 1;
        for (long d : t.getDimsList()) {
            n *= d;
        }
        if (t.hasRawData()) {
            byte[] raw = t.getRawData().toByteArray();
            if (raw.length != n * size) {
                throw new BackendException("tensor " + what + " has " + raw.length + " bytes of data, expected "
                        + n * size);
            }
            return raw;
        }
        var buf = ByteBuffer.allocate(Math.toIntExact(n * size)).order(ByteOrder.LITTLE_ENDIAN);
        int count = switch (type) {
            case FLOAT -> t.getFloatDataCount();
            case DOUBLE -> t.getDoubleDataCount();
            case INT64 -> t.getInt64DataCount();
            default -> t.getInt32DataCount(); // int32, int8, uint8, bool and float16 bits live in int32_data
        };
        if (count != n) {
            throw new BackendException("tensor " + what + " has " + count + " values, expected " + n);
        }
        for (int i = 0; i < n; i++) {
            switch (type) {
                case FLOAT -> buf.putFloat(t.getFloatData(i));
                case DOUBLE -> buf.putDouble(t.getDoubleData(i));
                case INT64 -> buf.putLong(t.getInt64Data(i));
                case INT32 -> buf.putInt(t.getInt32Data(i));
                case FLOAT16 -> buf.putShort((short) t.getInt32Data(i));
                default -> buf.put((byte) t.getInt32Data(i));
            }
        }
        return buf.array();
    }
}
