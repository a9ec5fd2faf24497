package io.inferbench.adapter.tensorflow;

import io.inferbench.api.PreparedInputs;
import org.tensorflow.types.family.TType;

/**
 * TensorFlow tensors for one sample, in the model's input order, ready to feed. Built once, in
 * {@code prepare}; owned by the runner that made it and closed with that runner.
 */
final class TfPreparedInput implements PreparedInputs.Owned {
    private final TfRunner owner;
    private final TType[] tensors;
    private volatile boolean closed;

    TfPreparedInput(TfRunner owner, TType[] tensors) {
        this.owner = owner;
        this.tensors = tensors;
    }

    @Override
    public TfRunner owner() {
        return owner;
    }

    TType[] tensors() {
        return tensors;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** Releases the native tensors. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            TfInputs.closeAll(tensors);
        }
    }

    @Override
    public String toString() {
        return "TfPreparedInput[" + tensors.length + " tensors]";
    }
}
