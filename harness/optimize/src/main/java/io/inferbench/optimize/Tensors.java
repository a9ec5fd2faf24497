package io.inferbench.optimize;

import com.google.protobuf.ByteString;
import io.inferbench.onnx.proto.OnnxProto.TensorProto;
import io.inferbench.onnx.proto.OnnxProto.TensorProto.DataType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** Reads and builds initializer tensors (little-endian raw data, as ONNX stores it). */
final class Tensors {
    static final int FLOAT = DataType.FLOAT_VALUE;
    static final int FLOAT16 = DataType.FLOAT16_VALUE;
    static final int INT8 = DataType.INT8_VALUE;
    static final int UINT8 = DataType.UINT8_VALUE;
    static final int INT32 = DataType.INT32_VALUE;
    static final int INT64 = DataType.INT64_VALUE;

    private Tensors() {
    }

    static long elementCount(List<Long> dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }

    /** Bytes per element of {@code dataType}, or 0 where the size is not fixed (strings) or unknown. */
    static int elementSize(int dataType) {
        return switch (DataType.forNumber(dataType) == null ? DataType.UNDEFINED : DataType.forNumber(dataType)) {
            case FLOAT, INT32, UINT32 -> 4;
            case DOUBLE, INT64, UINT64, COMPLEX64 -> 8;
            case COMPLEX128 -> 16;
            case FLOAT16, BFLOAT16, INT16, UINT16 -> 2;
            case INT8, UINT8, BOOL -> 1;
            default -> 0;
        };
    }

    /** A float32 tensor's values, from raw data or the float_data field. */
    static float[] floats(TensorProto t) {
        if (t.getDataType() != FLOAT) {
            throw new IllegalArgumentException(t.getName() + ": expected a float tensor, got data type " + t.getDataType());
        }
        if (t.hasDataLocation() && t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            throw new IllegalArgumentException(t.getName() + ": external data is not supported");
        }
        if (t.hasRawData()) {
            var buffer = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            float[] values = new float[buffer.remaining()];
            buffer.get(values);
            return values;
        }
        float[] values = new float[t.getFloatDataCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = t.getFloatData(i);
        }
        return values;
    }

    /** Whether {@code t} holds float32 values in the file (not external data). */
    static boolean isStoredFloat(TensorProto t) {
        return t.getDataType() == FLOAT
                && !(t.hasDataLocation() && t.getDataLocation() == TensorProto.DataLocation.EXTERNAL);
    }

    static TensorProto floatTensor(String name, float[] values, List<Long> dims) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return raw(name, FLOAT, buffer.array(), dims);
    }

    static TensorProto float16Tensor(String name, float[] values, List<Long> dims) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buffer.putShort(Float16.fromFloat(v));
        }
        return raw(name, FLOAT16, buffer.array(), dims);
    }

    /** An int8 or uint8 tensor from its bytes (uint8 values 128..255 stored as negative bytes). */
    static TensorProto byteTensor(String name, int dataType, byte[] values, List<Long> dims) {
        return raw(name, dataType, values, dims);
    }

    static TensorProto int64Tensor(String name, long[] values, List<Long> dims) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asLongBuffer().put(values);
        return raw(name, INT64, buffer.array(), dims);
    }

    private static TensorProto raw(String name, int dataType, byte[] data, List<Long> dims) {
        return TensorProto.newBuilder().setName(name).setDataType(dataType).addAllDims(dims)
                .setRawData(ByteString.copyFrom(data)).build();
    }
}
