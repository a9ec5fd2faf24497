package io.inferbench.adapter.onnxruntime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import io.inferbench.api.BackendException;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks host tensors against a model's inputs and turns them into ONNX Runtime tensors.
 *
 * <p>The checks run before ONNX Runtime sees anything, so a mistake in a scenario gets a message
 * naming the input and what the model expects, instead of a native error in the middle of a run.
 */
final class OrtInputs {
    private OrtInputs() {
    }

    /**
     * Validates {@code tensors} against {@code specs}: same names, element types, ranks, and fixed
     * dimensions.
     *
     * @throws BackendException naming the first offending input
     */
    static void check(List<TensorSpec> specs, Map<String, Tensor> tensors) throws BackendException {
        Map<String, TensorSpec> byName = new LinkedHashMap<>();
        specs.forEach(s -> byName.put(s.name(), s));
        for (String name : tensors.keySet()) {
            if (!byName.containsKey(name)) {
                throw new BackendException("unknown input '" + name + "': the model's inputs are " + describe(specs));
            }
        }
        for (TensorSpec spec : specs) {
            Tensor tensor = tensors.get(spec.name());
            if (tensor == null) {
                throw new BackendException("missing input '" + spec.name() + "': the model expects " + spec.describe());
            }
            checkOne(spec, tensor);
        }
    }

    private static void checkOne(TensorSpec spec, Tensor tensor) throws BackendException {
        String name = spec.name();
        if (tensor.dtype() != spec.dtype()) {
            throw new BackendException("input '" + name + "' is " + tensor.dtype().id() + " but the model expects "
                    + spec.describe());
        }
        long[] shape = tensor.shape();
        long[] expected = spec.shape();
        if (shape.length != expected.length) {
            throw new BackendException("input '" + name + "' has shape " + OrtTypes.shapeText(shape) + " (rank "
                    + shape.length + ") but the model expects rank " + expected.length + ": " + spec.describe());
        }
        for (int i = 0; i < shape.length; i++) {
            if (expected[i] >= 0 && shape[i] != expected[i]) {
                throw new BackendException("input '" + name + "' has shape " + OrtTypes.shapeText(shape)
                        + " but the model expects " + spec.describe() + " (dimension " + i + " must be "
                        + expected[i] + ")");
            }
        }
    }

    /**
     * Creates one ONNX Runtime tensor per input. On failure, closes the tensors already created.
     * Assumes {@link #check} passed.
     *
     * @return tensors in the model's input order; the caller owns and closes them
     */
    static Map<String, OnnxTensor> toOrt(OrtEnvironment env, List<TensorSpec> specs, Map<String, Tensor> tensors)
            throws BackendException {
        Map<String, OnnxTensor> result = new LinkedHashMap<>();
        try {
            for (TensorSpec spec : specs) {
                Tensor tensor = tensors.get(spec.name());
                result.put(spec.name(), OnnxTensor.createTensor(env, directData(tensor), tensor.shape(),
                        OrtTypes.javaType(tensor.dtype())));
            }
            return result;
        } catch (OrtException | RuntimeException e) {
            result.values().forEach(OnnxTensor::close);
            throw new BackendException("cannot create onnxruntime tensor: " + OrtErrors.oneLine(e), e);
        }
    }

    /**
     * The tensor's bytes in a direct buffer. ONNX Runtime reads a direct buffer in place (no copy), and
     * the tensor keeps a reference to it, so the memory lives as long as the ONNX Runtime tensor.
     * Heap buffers are copied once, here, outside the timed region.
     */
    private static ByteBuffer directData(Tensor tensor) {
        ByteBuffer data = tensor.data();
        if (data.isDirect()) {
            return data;
        }
        ByteBuffer copy = ByteBuffer.allocateDirect(data.remaining()).order(ByteOrder.nativeOrder());
        copy.put(data).flip();
        return copy;
    }

    private static String describe(List<TensorSpec> specs) {
        return specs.stream().map(TensorSpec::toString).toList().toString();
    }
}
