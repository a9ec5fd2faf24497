package io.inferbench.api;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

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

    /**
     * Whether {@link #runAsync} returns before the inference completes, so that several calls may be
     * outstanding on this runner at once (a remote backend: the query is on the wire, no thread waits
     * for it). False by default: in-process backends compute on the calling thread.
     */
    default boolean asynchronous() {
        return false;
    }

    /**
     * Starts one inference and returns a future that completes when {@link #run} would have returned
     * (outputs materialised in host memory and released), or exceptionally with a
     * {@link BackendException}. Only used when {@link #asynchronous()} holds: then it is called from
     * one thread at a time, may be called again before earlier futures completed, and its futures
     * may complete on the backend's own threads. The default runs {@link #run} on the calling thread.
     */
    default CompletableFuture<Void> runAsync(PreparedInput input) {
        try {
            run(input);
            return CompletableFuture.completedFuture(null);
        } catch (BackendException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    void close();
}
