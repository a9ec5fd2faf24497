package io.inferbench.adapter.onnxruntime;

import ai.onnxruntime.OnnxTensor;
import io.inferbench.api.PreparedInputs;

import java.util.Collections;
import java.util.Map;

/**
 * ONNX Runtime tensors for one sample, ready for {@code OrtSession.run}. The map is built once, in
 * {@code prepare}, so the timed {@code run} allocates nothing of its own. Owned by the runner that
 * made it; closed with that runner.
 */
final class OrtPreparedInput implements PreparedInputs.Owned {
    private final OrtRunner owner;
    private final Map<String, OnnxTensor> tensors;
    private volatile boolean closed;

    OrtPreparedInput(OrtRunner owner, Map<String, OnnxTensor> tensors) {
        this.owner = owner;
        this.tensors = Collections.unmodifiableMap(tensors);
    }

    @Override
    public OrtRunner owner() {
        return owner;
    }

    Map<String, OnnxTensor> tensors() {
        return tensors;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** Releases the native tensors. Idempotent. */
    @Override
    public void close() {
        // ONNX Runtime logs a warning when a tensor is closed twice.
        if (!closed) {
            closed = true;
            tensors.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public String toString() {
        return "OrtPreparedInput" + tensors.keySet();
    }
}
