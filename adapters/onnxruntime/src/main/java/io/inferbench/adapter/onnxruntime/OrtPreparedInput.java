package io.inferbench.adapter.onnxruntime;

import ai.onnxruntime.OnnxTensor;
import io.inferbench.adapter.support.OwnedInput;

import java.util.Collections;
import java.util.Map;

/**
 * ONNX Runtime tensors for one sample, ready for {@code OrtSession.run}. The map is built once, in
 * {@code prepare}, so the timed {@code run} allocates nothing of its own. Owned by the runner that
 * made it; closed with that runner.
 */
final class OrtPreparedInput extends OwnedInput<OrtRunner> {
    private final Map<String, OnnxTensor> tensors;

    OrtPreparedInput(OrtRunner owner, Map<String, OnnxTensor> tensors) {
        super(owner);
        this.tensors = Collections.unmodifiableMap(tensors);
    }

    Map<String, OnnxTensor> tensors() {
        return tensors;
    }

    /** Releases the native tensors (once: ONNX Runtime logs a warning when a tensor is closed twice). */
    @Override
    protected void release() {
        tensors.values().forEach(OnnxTensor::close);
    }

    @Override
    public String toString() {
        return "OrtPreparedInput" + tensors.keySet();
    }
}
