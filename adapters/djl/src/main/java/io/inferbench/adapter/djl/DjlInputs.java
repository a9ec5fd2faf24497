package io.inferbench.adapter.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.inferbench.adapter.support.InputCheck;
import io.inferbench.api.BackendException;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Checks host tensors against a model's inputs and turns them into DJL {@link NDArray}s in the
 * model's input order, each named after its input (DJL's engines match inputs by name when named).
 */
final class DjlInputs {
    private DjlInputs() {
    }

    /** @throws BackendException naming the first input that is unknown, missing, or of the wrong type or shape */
    static void check(List<TensorSpec> specs, Map<String, Tensor> tensors) throws BackendException {
        InputCheck.check(specs, tensors, DjlInputs::checkShape);
    }

    /** Same rank and fixed dimensions; the message, kept from before the shared check, shows both shapes. */
    private static void checkShape(TensorSpec spec, Tensor tensor) throws BackendException {
        long[] shape = tensor.shape();
        long[] expected = spec.shape();
        boolean fits = shape.length == expected.length;
        for (int i = 0; fits && i < shape.length; i++) {
            fits = expected[i] < 0 || expected[i] == shape[i];
        }
        if (!fits) {
            throw new BackendException("input '" + spec.name() + "' has shape " + Arrays.toString(shape)
                    + " but the model expects " + spec.describe());
        }
    }

    /**
     * One NDArray per input, in {@code specs} order, owned by {@code manager}. The data is copied once
     * into a direct buffer here, outside the timed region.
     */
    static NDList toNd(NDManager manager, List<TensorSpec> specs, Map<String, Tensor> tensors) {
        NDList list = new NDList(specs.size());
        for (TensorSpec spec : specs) {
            Tensor tensor = tensors.get(spec.name());
            ByteBuffer data = tensor.data();
            ByteBuffer direct = ByteBuffer.allocateDirect(data.remaining()).order(ByteOrder.nativeOrder());
            direct.put(data).flip();
            NDArray array = manager.create(direct, new Shape(tensor.shape()), DjlTypes.toDjl(tensor.dtype()));
            array.setName(spec.name());
            list.add(array);
        }
        return list;
    }
}
