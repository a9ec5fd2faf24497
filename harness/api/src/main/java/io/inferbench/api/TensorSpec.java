package io.inferbench.api;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Name, element type and shape of a model input or output.
 *
 * @param name     tensor name as the model declares it
 * @param dtype    element type
 * @param shape    dimensions; {@code -1} marks a dynamic dimension
 * @param dimNames symbolic names of dimensions ({@code batch}, {@code sequence}); empty string
 *                 where the model gives none; same length as {@code shape}
 */
public record TensorSpec(String name, DType dtype, long[] shape, List<String> dimNames) {
    public TensorSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        shape = shape.clone();
        dimNames = List.copyOf(dimNames);
        if (dimNames.size() != shape.length) {
            throw new IllegalArgumentException("dimNames must have one entry per dimension of " + name);
        }
    }

    public TensorSpec(String name, DType dtype, long[] shape) {
        this(name, dtype, shape, java.util.Collections.nCopies(shape.length, ""));
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** e.g. {@code int64[batch,sequence]} or {@code float32[-1,3,48,-1]}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(dtype.id()).append('[');
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(shape[i] >= 0 ? Long.toString(shape[i]) : dimNames.get(i).isEmpty() ? "?" : dimNames.get(i));
        }
        return sb.append(']').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSpec t && name.equals(t.name) && dtype == t.dtype
                && Arrays.equals(shape, t.shape) && dimNames.equals(t.dimNames);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dtype, Arrays.hashCode(shape), dimNames);
    }

    @Override
    public String toString() {
        return name + ":" + describe();
    }
}
