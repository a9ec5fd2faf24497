package io.inferbench.protocol;

import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A request's tensors against a model's declared inputs, checked by the server before queueing so that
 * a wrong request is a 400 naming the tensor, not a failure inside the engine.
 */
public final class Signatures {
    private Signatures() {
    }

    /**
     * @throws ProtocolException for an unknown or missing input, another datatype, another rank, or a
     *                           fixed dimension of another size
     */
    public static void check(List<TensorSpec> declared, Map<String, Tensor> inputs) throws ProtocolException {
        for (String name : inputs.keySet()) {
            if (declared.stream().noneMatch(s -> s.name().equals(name))) {
                throw new ProtocolException("unknown input '" + name + "'; the model's inputs are " + describe(declared));
            }
        }
        for (TensorSpec spec : declared) {
            Tensor t = inputs.get(spec.name());
            if (t == null) {
                throw new ProtocolException("missing input '" + spec.name() + "' (" + describe(spec) + ")");
            }
            long[] shape = t.shape();
            long[] expected = spec.shape();
            boolean fits = t.dtype() == spec.dtype() && shape.length == expected.length;
            for (int i = 0; fits && i < shape.length; i++) {
                fits = expected[i] < 0 || expected[i] == shape[i];
            }
            if (!fits) {
                throw new ProtocolException("input '" + spec.name() + "' is " + V2Datatypes.name(t.dtype())
                        + Arrays.toString(shape) + " but the model expects " + describe(spec));
            }
        }
    }

    /** e.g. {@code FP32[-1, 3]}. */
    public static String describe(TensorSpec spec) {
        return V2Datatypes.name(spec.dtype()) + Arrays.toString(spec.shape());
    }

    private static String describe(List<TensorSpec> specs) {
        return specs.stream().map(s -> s.name() + " " + describe(s)).toList().toString();
    }
}
