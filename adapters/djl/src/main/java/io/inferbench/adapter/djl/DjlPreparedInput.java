package io.inferbench.adapter.djl;

import ai.djl.ndarray.NDList;
import io.inferbench.adapter.support.OwnedInput;

/** Input NDArrays made by one {@link DjlRunner}; they live on that runner's NDManager. */
final class DjlPreparedInput extends OwnedInput<DjlRunner> {
    private final NDList arrays;

    DjlPreparedInput(DjlRunner owner, NDList arrays) {
        super(owner);
        this.arrays = arrays;
    }

    NDList arrays() {
        return arrays;
    }

    /** Nothing here: the runner's NDManager owns the arrays and frees them when the runner closes. */
    @Override
    protected void release() {
    }

    @Override
    public String toString() {
        return "DjlPreparedInput" + arrays.getShapes().length + " arrays";
    }
}
