package io.inferbench.adapter.remote;

import io.inferbench.api.BackendException;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One wire protocol's client side: connect (readiness and metadata), encode a request once, send it
 * asynchronously, decode the answer. Thread-safe: every runner of a session shares it.
 *
 * @param <Q> an encoded request
 * @param <R> a received answer, not yet decoded
 */
sealed interface RemoteProtocol<Q, R> extends AutoCloseable
        permits V2HttpProtocol, V2GrpcProtocol, TfServingProtocol {

    /** The model's inputs and outputs, as its server declares them. */
    record Signature(List<TensorSpec> inputs, List<TensorSpec> outputs, Map<String, String> properties) {
    }

    /**
     * Checks that the server is ready and the model is ready, and reads the model's metadata. Blocking.
     *
     * @throws BackendException naming the URL and the server's message: connection refused, unknown
     *                          model, not ready, or an answer that is not the protocol's
     */
    Signature connect() throws BackendException;

    /** The request body for {@code inputs}, built outside the timed region. */
    Q encode(Map<String, Tensor> inputs) throws BackendException;

    /**
     * Sends a request on connection {@code connection} (0-based, below {@code connections}); the future
     * completes on the client's own threads with the raw answer, or with a {@link BackendException}.
     */
    CompletableFuture<R> send(Q request, int connection);

    /** The answer's outputs, in host memory. */
    Map<String, Tensor> decode(R answer) throws BackendException;

    /**
     * The server's own statistics (queue, compute) since {@link #connect} or the last
     * {@link #restartStatistics}, or empty when it has none.
     */
    Map<String, String> serverStatistics();

    /** Takes the server's counters now as the new origin of {@link #serverStatistics}. Blocking; nothing when it has none. */
    default void restartStatistics() {
    }

    @Override
    void close();
}
