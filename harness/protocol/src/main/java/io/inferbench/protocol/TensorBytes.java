package io.inferbench.protocol;

import io.inferbench.api.DType;
import io.inferbench.api.Tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Tensors as the binary forms of both protocols carry them (little-endian, row-major), and the checks
 * that keep a shape from lying about its data: the element count is computed without overflow and
 * must match the bytes given before anything is allocated.
 */
public final class TensorBytes {
    /** Largest tensor accepted, in bytes: a Java buffer's limit. */
    public static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private TensorBytes() {
    }

    /** The tensor's elements as little-endian bytes. */
    public static byte[] littleEndian(Tensor tensor) {
        ByteBuffer data = tensor.data();
        byte[] out = new byte[data.remaining()];
        data.get(out);
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            swap(out, tensor.dtype().byteSize());
        }
        return out;
    }

    /** A host tensor of {@code bytes[offset, offset + length)}, little-endian; the length is checked by the caller. */
    public static Tensor fromLittleEndian(DType dtype, long[] shape, byte[] bytes, int offset, int length) {
        ByteBuffer data = ByteBuffer.allocateDirect(length).order(ByteOrder.nativeOrder());
        data.put(bytes, offset, length).flip();
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            byte[] copy = new byte[length];
            System.arraycopy(bytes, offset, copy, 0, length);
            swap(copy, dtype.byteSize());
            data.clear();
            data.put(copy).flip();
        }
        return new Tensor(dtype, shape, data);
    }

    /**
     * The element count of {@code shape}.
     *
     * @throws ProtocolException naming {@code field} for a negative dimension or a count past {@link #MAX_BYTES}
     */
    public static long elementCount(long[] shape, DType dtype, String field) throws ProtocolException {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new ProtocolException(field + ": shape " + Arrays.toString(shape) + " has a negative dimension");
            }
            try {
                n = Math.multiplyExact(n, d);
            } catch (ArithmeticException e) {
                throw new ProtocolException(field + ": shape " + Arrays.toString(shape) + " is too large");
            }
        }
        if (n > MAX_BYTES / Math.max(1, dtype.byteSize())) {
            throw new ProtocolException(field + ": shape " + Arrays.toString(shape) + " is too large");
        }
        return n;
    }

    private static void swap(byte[] b, int width) {
        for (int i = 0; i + width <= b.length; i += width) {
            for (int j = 0; j < width / 2; j++) {
                byte t = b[i + j];
                b[i + j] = b[i + width - 1 - j];
                b[i + width - 1 - j] = t;
            }
        }
    }
}
