package io.inferbench.testsupport;

import io.inferbench.api.DType;
import io.inferbench.api.Tensor;

import java.nio.ByteBuffer;

/** Host tensors from Java arrays, and back. */
public final class HostTensors {
    private HostTensors() {
    }

    public static Tensor int64(long[] shape, long... values) {
        ByteBuffer b = Tensor.allocate(DType.INT64, shape);
        for (long v : values) {
            b.putLong(v);
        }
        return new Tensor(DType.INT64, shape, b.flip());
    }

    public static Tensor float32(long[] shape, float... values) {
        ByteBuffer b = Tensor.allocate(DType.FLOAT32, shape);
        for (float v : values) {
            b.putFloat(v);
        }
        return new Tensor(DType.FLOAT32, shape, b.flip());
    }

    /** The elements of an int64 tensor. */
    public static long[] longs(Tensor t) {
        ByteBuffer b = t.data();
        long[] out = new long[Math.toIntExact(t.elementCount())];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getLong();
        }
        return out;
    }
}
