package io.inferbench.input;

import io.inferbench.api.Tensor;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Joins samples along the batch dimension (dimension 0), for dynamic batching. */
public final class Batches {
    private Batches() {
    }

    /** The samples {@code from .. from+count-1} (cyclically) concatenated input by input. */
    public static Map<String, Tensor> concat(List<Map<String, Tensor>> samples, int from, int count) {
        Map<String, Tensor> first = samples.get(from % samples.size());
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String name : first.keySet()) {
            Tensor t0 = first.get(name);
            long[] shape = t0.shape();
            if (shape.length == 0) {
                throw new IllegalArgumentException("input '" + name + "' is a scalar and cannot be batched");
            }
            long[] joined = shape.clone();
            joined[0] = shape[0] * count;
            ByteBuffer buf = Tensor.allocate(t0.dtype(), joined);
            for (int i = 0; i < count; i++) {
                Tensor t = samples.get((from + i) % samples.size()).get(name);
                if (!java.util.Arrays.equals(t.shape(), shape)) {
                    throw new IllegalArgumentException("samples of input '" + name + "' differ in shape");
                }
                buf.put(t.data());
            }
            out.put(name, new Tensor(t0.dtype(), joined, buf.flip()));
        }
        return out;
    }
}
