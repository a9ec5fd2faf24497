package io.inferbench.api;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * A dense host tensor, backend neutral. The harness builds these before timing starts; adapters
 * convert them to their own tensor type in {@link Runner#prepare}.
 *
 * @param dtype element type (not {@link DType#STRING})
 * @param shape concrete dimensions, all {@code >= 0}
 * @param data  elements in row-major order, native byte order, position 0, limit = byte size
 */
public record Tensor(DType dtype, long[] shape, ByteBuffer data) {
    public Tensor {
        Objects.requireNonNull(dtype, "dtype");
        shape = shape.clone();
        long n = elementCount(shape);
        if (dtype == DType.STRING) {
            throw new IllegalArgumentException("string tensors are not supported as host tensors");
        }
        if (data.remaining() != n * dtype.byteSize()) {
            throw new IllegalArgumentException("tensor data has " + data.remaining() + " bytes, shape "
                    + Arrays.toString(shape) + " of " + dtype.id() + " needs " + n * dtype.byteSize());
        }
        data = data.asReadOnlyBuffer().order(ByteOrder.nativeOrder());
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** A read-only view positioned at 0, in native byte order. */
    @Override
    public ByteBuffer data() {
        return data.duplicate().order(ByteOrder.nativeOrder());
    }

    public long elementCount() {
        return elementCount(shape);
    }

    public static long elementCount(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** Allocates a zeroed direct buffer of the right size for {@code dtype} and {@code shape}. */
    public static ByteBuffer allocate(DType dtype, long[] shape) {
        long bytes = elementCount(shape) * dtype.byteSize();
        return ByteBuffer.allocateDirect(Math.toIntExact(bytes)).order(ByteOrder.nativeOrder());
    }

    /** Reads the elements as floats, converting from any numeric type (for accuracy checks). */
    public float[] toFloatArray() {
        ByteBuffer b = data();
        int n = Math.toIntExact(elementCount());
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = switch (dtype) {
                case FLOAT32 -> b.getFloat();
                case FLOAT64 -> (float) b.getDouble();
                case INT8, BOOL -> b.get();
                case UINT8 -> b.get() & 0xff;
                case INT16 -> b.getShort();
                case INT32 -> b.getInt();
                case INT64 -> b.getLong();
                case FLOAT16 -> halfToFloat(b.getShort());
                case BFLOAT16 -> Float.intBitsToFloat((b.getShort() & 0xffff) << 16);
                case STRING -> throw new IllegalStateException("string tensor");
            };
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && dtype == t.dtype && Arrays.equals(shape, t.shape) && data().equals(t.data());
    }

    @Override
    public int hashCode() {
        return Objects.hash(dtype, Arrays.hashCode(shape), data());
    }

    @Override
    public String toString() {
        return dtype.id() + Arrays.toString(shape);
    }

    /** IEEE 754 half to float, without Java 20's {@code Float.float16ToFloat}. */
    static float halfToFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant / 1024f * (float) Math.pow(2, -14);
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }
}
