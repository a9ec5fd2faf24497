package io.inferbench.adapter.djl;

import ai.djl.ndarray.NDList;
import io.inferbench.api.PreparedInput;

/** Input NDArrays made by one {@link DjlRunner}; they live on that runner's NDManager. */
final class DjlPreparedInput implements PreparedInput {
    private final DjlRunner owner;
    private final NDList arrays;

    DjlPreparedInput(DjlRunner owner, NDList arrays) {
        this.owner = owner;
        this.arrays = arrays;
    }

    DjlRunner owner() {
        return owner;
    }

    NDList arrays() {
        return arrays;
    }

    @Override
    public String toString() {
        return "DjlPreparedInput" + arrays.getShapes().length + " arrays";
    }
}
