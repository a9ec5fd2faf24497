package io.inferbench.adapter.support;

import io.inferbench.api.PreparedInputs;
import io.inferbench.api.Runner;

/**
 * A prepared input that knows its runner and releases its native memory once, however often it is
 * closed (engines such as ONNX Runtime complain about a tensor closed twice).
 *
 * @param <R> the runner type that makes it
 */
public abstract class OwnedInput<R extends Runner> implements PreparedInputs.Owned {
    private final R owner;
    private volatile boolean closed;

    protected OwnedInput(R owner) {
        this.owner = owner;
    }

    @Override
    public final R owner() {
        return owner;
    }

    @Override
    public final boolean isClosed() {
        return closed;
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            release();
        }
    }

    /** Frees the engine's tensors; called once. */
    protected abstract void release();
}
