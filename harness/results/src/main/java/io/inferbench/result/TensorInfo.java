package io.inferbench.result;

import java.util.List;

/**
 * A tensor's name, element type and shape as recorded in results.
 *
 * @param name  tensor name
 * @param dtype element type id, e.g. {@code int64}
 * @param shape dimensions; -1 for dynamic
 */
public record TensorInfo(String name, String dtype, List<Long> shape) {
    public TensorInfo {
        shape = List.copyOf(shape);
    }
}
