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
 * Turns host tensors, already checked against the model's inputs ({@code InputCheck}), into ONNX
 * Runtime tensors.
 */
final class OrtInputs {
    private OrtInputs() {
    }

    /**
     * Creates one ONNX Runtime tensor per input. On failure, closes the tensors already created.
     * Assumes the inputs were checked.
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
}
