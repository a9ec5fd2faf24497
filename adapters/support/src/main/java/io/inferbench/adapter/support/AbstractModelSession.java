package io.inferbench.adapter.support;

import io.inferbench.api.BackendException;
import io.inferbench.api.ModelSession;
import io.inferbench.api.Runner;
import io.inferbench.api.RunnerSet;
import io.inferbench.api.TensorSpec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded model's lifecycle, the same in every adapter: runners handed out and forgotten, a closed
 * session refusing new ones, and close releasing every runner, then the native model, once.
 * Thread-safe, as the SPI asks: {@link #newRunner()} may be called from any thread.
 *
 * <p>Close a session only once the workers have stopped (the harness does): a runner closed while its
 * thread is inside {@code run} would free tensors the engine is reading.
 */
public abstract class AbstractModelSession implements ModelSession {
    private final List<TensorSpec> inputs;
    private final List<TensorSpec> outputs;
    private final Map<String, String> properties;
    private final RunnerSet<AbstractRunner<?>> runners = new RunnerSet<>();

    /**
     * @param properties the effective settings, as {@link ModelSession#properties()} reports them
     */
    protected AbstractModelSession(List<TensorSpec> inputs, List<TensorSpec> outputs, Map<String, String> properties) {
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        // In the adapter's order: results and reports list the settings as the adapter put them.
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    @Override
    public final List<TensorSpec> inputs() {
        return inputs;
    }

    @Override
    public final List<TensorSpec> outputs() {
        return outputs;
    }

    /** The settings given at construction; override to add what only becomes known later. */
    @Override
    public Map<String, String> properties() {
        return properties;
    }

    @Override
    public final Runner newRunner() throws BackendException {
        ensureOpen();
        return runners.add(createRunner());
    }

    /** A new runner of this session, for one worker thread. */
    protected abstract AbstractRunner<?> createRunner() throws BackendException;

    /** @throws BackendException {@code model session is closed} */
    public final void ensureOpen() throws BackendException {
        runners.ensureOpen();
    }

    /** A runner that closed itself. */
    final void forget(AbstractRunner<?> runner) {
        runners.forget(runner);
    }

    /** Closes every runner, then {@link #release()}s the model. Idempotent. */
    @Override
    public final void close() {
        if (runners.closeAll()) {
            release();
        }
    }

    /** Releases the native model; called once, after every runner closed. Must not throw. */
    protected abstract void release();
}
