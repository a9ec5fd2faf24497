package io.inferbench.adapter.tensorflow;

import io.inferbench.adapter.support.OwnedInput;
import org.tensorflow.types.family.TType;

/**
 * TensorFlow tensors for one sample, in the model's input order, ready to feed. Built once, in
 * {@code prepare}; owned by the runner that made it and closed with that runner.
 */
final class TfPreparedInput extends OwnedInput<TfRunner> {
    private final TType[] tensors;

    TfPreparedInput(TfRunner owner, TType[] tensors) {
        super(owner);
        this.tensors = tensors;
    }

    TType[] tensors() {
        return tensors;
    }

    /** Releases the native tensors. */
    @Override
    protected void release() {
        TfInputs.closeAll(tensors);
    }

    @Override
    public String toString() {
        return "TfPreparedInput[" + tensors.length + " tensors]";
    }
}
