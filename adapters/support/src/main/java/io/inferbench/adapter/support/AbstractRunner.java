package io.inferbench.adapter.support;

import io.inferbench.api.BackendException;
import io.inferbench.api.PreparedInput;
import io.inferbench.api.PreparedInputs;
import io.inferbench.api.Runner;
import io.inferbench.api.Tensor;

import java.util.Map;

/**
 * A runner's lifecycle, the same in every adapter: prepared inputs recorded and checked as its own,
 * a closed runner (or one of a closed session) refusing work, and close releasing its inputs and
 * its engine resources, once. Not thread-safe, like every runner: one worker uses it.
 *
 * @param <P> the adapter's prepared input
 */
public abstract class AbstractRunner<P extends PreparedInputs.Owned> implements Runner {
    private final AbstractModelSession session;
    private final PreparedInputs<P> prepared;
    private volatile boolean closed;

    protected AbstractRunner(AbstractModelSession session, Class<P> inputType) {
        this.session = session;
        this.prepared = new PreparedInputs<>(this, inputType);
    }

    @Override
    public final PreparedInput prepare(Map<String, Tensor> inputs) throws BackendException {
        ensureOpen();
        return prepared.add(newInput(inputs));
    }

    /** Checks host tensors and turns them into the engine's own, outside the timed region. */
    protected abstract P newInput(Map<String, Tensor> inputs) throws BackendException;

    /**
     * {@code input} as this runner's own; the timed path's only bookkeeping.
     *
     * @throws BackendException if this runner or its session is closed, or another runner made it
     */
    protected final P own(PreparedInput input) throws BackendException {
        ensureOpen();
        return prepared.own(input);
    }

    /** @throws BackendException {@code runner is closed}, or the session's {@code model session is closed} */
    protected final void ensureOpen() throws BackendException {
        if (closed) {
            throw new BackendException("runner is closed");
        }
        session.ensureOpen();
    }

    /** Releases every input this runner prepared, then {@link #release()}. Idempotent. */
    @Override
    public final void close() {
        if (closed) {
            return;
        }
        closed = true;
        prepared.closeAll();
        release();
        session.forget(this);
    }

    /** Releases the engine's per-runner resources (predictors, managers); nothing by default. Must not throw. */
    protected void release() {
    }
}
