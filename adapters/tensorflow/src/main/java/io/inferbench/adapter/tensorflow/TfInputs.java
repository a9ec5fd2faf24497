package io.inferbench.adapter.tensorflow;

import io.inferbench.adapter.support.InputCheck;
import io.inferbench.api.BackendException;
import io.inferbench.api.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.family.TType;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks host tensors against a model's inputs and copies them into TensorFlow tensors.
 *
 * <p>The checks run before TensorFlow sees anything, so a mistake in a scenario gets a message
 * naming the input and what the model expects, instead of a native error in the middle of a run.
 */
final class TfInputs {
    private TfInputs() {
    }

    /**
     * Validates {@code tensors} against {@code inputs}: same names, element types, ranks (where the
     * graph declares one) and fixed dimensions.
     *
     * @throws BackendException naming the first offending input
     */
    static void check(List<TfEndpoint> inputs, Map<String, Tensor> tensors) throws BackendException {
        Set<String> anyRank = inputs.stream().filter(i -> !i.rankKnown()).map(TfEndpoint::name)
                .collect(Collectors.toSet());
        InputCheck.check(inputs.stream().map(TfEndpoint::spec).toList(), tensors, (spec, tensor) -> {
            if (!anyRank.contains(spec.name())) {
                InputCheck.rankAndFixedDims(spec, tensor);
            }
        });
    }

    /**
     * Copies one host tensor per input into a new TensorFlow tensor. On failure, closes the tensors
     * already created. Assumes {@link #check} passed.
     *
     * @return tensors in the model's input order; the caller owns and closes them
     */
    static TType[] toTf(List<TfEndpoint> inputs, Map<String, Tensor> tensors) throws BackendException {
        TType[] result = new TType[inputs.size()];
        try {
            for (int i = 0; i < result.length; i++) {
                TfEndpoint input = inputs.get(i);
                Tensor tensor = tensors.get(input.name());
                Class<? extends TType> type = TfTypes.tensorClass(tensor.dtype());
                if (type == null) {
                    throw new BackendException("input '" + input.name() + "' is " + tensor.dtype().id()
                            + ", which TensorFlow Java 1.1.0 cannot create tensors of");
                }
                // One copy into TensorFlow-owned memory, here, outside the timed region.
                result[i] = org.tensorflow.Tensor.of(type, Shape.of(tensor.shape()), DataBuffers.of(tensor.data()));
            }
            return result;
        } catch (BackendException | RuntimeException e) {
            closeAll(result);
            throw e instanceof BackendException be ? be
                    : new BackendException("cannot create tensorflow tensor: " + TfErrors.oneLine(e), e);
        }
    }

    static void closeAll(TType[] tensors) {
        for (TType t : tensors) {
            if (t != null) {
                t.close();
            }
        }
    }
}
