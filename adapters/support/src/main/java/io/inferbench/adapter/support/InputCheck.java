package io.inferbench.adapter.support;

import io.inferbench.api.BackendException;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks host tensors against a model's inputs before the engine sees them, so a mistake in a
 * scenario gets a message naming the input and what the model expects, instead of a native error
 * in the middle of a run.
 */
public final class InputCheck {
    /** How an input's shape is checked; adapters differ in what their engines declare. */
    @FunctionalInterface
    public interface ShapeRule {
        /** @throws BackendException naming the input */
        void check(TensorSpec spec, Tensor tensor) throws BackendException;
    }

    private InputCheck() {
    }

    /**
     * Validates {@code tensors} against {@code specs}: no unknown names, none missing, same element
     * types, then {@code shapes} for each input in the model's order.
     *
     * @throws BackendException naming the first offending input
     */
    public static void check(List<TensorSpec> specs, Map<String, Tensor> tensors, ShapeRule shapes)
            throws BackendException {
        Map<String, TensorSpec> byName = new LinkedHashMap<>();
        specs.forEach(s -> byName.put(s.name(), s));
        for (String name : tensors.keySet()) {
            if (!byName.containsKey(name)) {
                throw new BackendException("unknown input '" + name + "': the model's inputs are "
                        + specs.stream().map(TensorSpec::toString).toList());
            }
        }
        for (TensorSpec spec : specs) {
            Tensor tensor = tensors.get(spec.name());
            if (tensor == null) {
                throw new BackendException("missing input '" + spec.name() + "': the model expects " + spec.describe());
            }
            if (tensor.dtype() != spec.dtype()) {
                throw new BackendException("input '" + spec.name() + "' is " + tensor.dtype().id()
                        + " but the model expects " + spec.describe());
            }
            shapes.check(spec, tensor);
        }
    }

    /** Same rank, and every fixed dimension of the spec equal; the message says which dimension differs. */
    public static void rankAndFixedDims(TensorSpec spec, Tensor tensor) throws BackendException {
        String name = spec.name();
        long[] shape = tensor.shape();
        long[] expected = spec.shape();
        if (shape.length != expected.length) {
            throw new BackendException("input '" + name + "' has shape " + Arrays.toString(shape) + " (rank "
                    + shape.length + ") but the model expects rank " + expected.length + ": " + spec.describe());
        }
        for (int i = 0; i < shape.length; i++) {
            if (expected[i] >= 0 && shape[i] != expected[i]) {
                throw new BackendException("input '" + name + "' has shape " + Arrays.toString(shape)
                        + " but the model expects " + spec.describe() + " (dimension " + i + " must be "
                        + expected[i] + ")");
            }
        }
    }
}
