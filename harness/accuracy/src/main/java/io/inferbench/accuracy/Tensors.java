package io.inferbench.accuracy;

import io.inferbench.api.DType;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/** Small helpers evaluators use to build input tensors and find the model's tensors. */
public final class Tensors {
    private Tensors() {
    }

    /** Integer values as a tensor of {@code dtype} (INT64 or INT32, as the model declares its ids). */
    public static Tensor integers(DType dtype, long[] shape, long[] values) {
        ByteBuffer b = Tensor.allocate(dtype, shape);
        for (long v : values) {
            switch (dtype) {
                case INT64 -> b.putLong(v);
                case INT32 -> b.putInt(Math.toIntExact(v));
                default -> throw new IllegalArgumentException("expected an integer dtype, got " + dtype.id());
            }
        }
        return new Tensor(dtype, shape, b.flip());
    }

    public static Tensor floats(long[] shape, float[] values) {
        ByteBuffer b = Tensor.allocate(DType.FLOAT32, shape);
        b.asFloatBuffer().put(values);
        return new Tensor(DType.FLOAT32, shape, b);
    }

    public static Optional<TensorSpec> named(List<TensorSpec> specs, String name) {
        return specs.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Index of the largest of {@code len} values from {@code from}. */
    public static int argmax(float[] v, int from, int len) {
        int best = from;
        for (int k = from + 1; k < from + len; k++) {
            if (v[k] > v[best]) {
                best = k;
            }
        }
        return best - from;
    }
}
