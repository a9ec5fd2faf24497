package io.inferbench.api;

import java.util.Map;

/**
 * Runs inference for one worker thread. Not thread-safe. The harness calls {@link #prepare}
 * for every sample before timing starts, then {@link #run} inside the timed region.
 */
public interface Runner extends AutoCloseable {

    /**
     * Converts host tensors into whatever the backend consumes (native tensors, device buffers).
     * Called outside the timed region. The result stays valid until this runner is closed.
     *
     * @param inputs one tensor per model input, keyed by input name. Adapters may keep referring to
     *               the tensors' buffers without copying; the harness never writes to them afterwards.
     */
    PreparedInput prepare(Map<String, Tensor> inputs) throws BackendException;

    /**
     * Runs one inference and returns when its outputs are materialised in host memory (a GPU
     * backend must synchronise), and output memory is released. This call is what gets timed.
     * Blocking.
     */
    void run(PreparedInput input) throws BackendException;

    /**
     * Like {@link #run} but copies the outputs into host tensors, keyed by output name.
     * Used for accuracy and parity checks, never inside a timed region.
     */
    Map<String, Tensor> runAndFetch(PreparedInput input) throws BackendException;

    @Override
    void close();
}
