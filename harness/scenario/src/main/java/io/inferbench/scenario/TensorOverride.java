package io.inferbench.scenario;

import io.inferbench.api.DType;
import java.util.List;

/**
 * Overrides what the model declares for one input.
 *
 * @param name      input name
 * @param dtype     element type, or null to keep the model's
 * @param shape     dimensions: numbers, or {@code batch} / {@code sequence}; null to keep the model's
 * @param low       lowest random value (inclusive)
 * @param high      highest random value (exclusive)
 * @param line      where it was declared, for errors found later against the model
 * @param column    column of the declaration
 */
public record TensorOverride(String name, DType dtype, List<String> shape, Double low, Double high, int line,
                             int column) {
    public TensorOverride {
        shape = shape == null ? null : List.copyOf(shape);
    }
}
