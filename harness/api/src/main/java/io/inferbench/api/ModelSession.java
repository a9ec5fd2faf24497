package io.inferbench.api;

import java.util.List;
import java.util.Map;

/**
 * A loaded model. Thread-safe: {@link #newRunner()} may be called from any thread.
 * Closing the session closes every runner it created; the harness closes a session only after
 * every worker using its runners has stopped.
 */
public interface ModelSession extends AutoCloseable {

    /** Inputs as the model declares them, in the model's order. */
    List<TensorSpec> inputs();

    /** Outputs as the model declares them, in the model's order. */
    List<TensorSpec> outputs();

    /**
     * Effective settings after loading, for the results (e.g. threads actually used, optimization
     * level, execution providers). Keys are backend specific; values are display strings.
     */
    Map<String, String> properties();

    /**
     * The measured region has just begun (warmup done). A session whose properties report figures over
     * a span of time — a server's counters, the client's timings — starts that span here, so that the
     * properties read after the measurement cover it alone. Called from a harness thread while queries
     * are running, at most once per measurement; must return quickly (do slow work asynchronously).
     * Nothing by default.
     */
    default void measurementStarted() {
    }

    /**
     * Creates a runner for one worker thread. Runners are not thread-safe (like DJL's
     * {@code Predictor}); the harness creates one per worker.
     */
    Runner newRunner() throws BackendException;

    @Override
    void close();
}
