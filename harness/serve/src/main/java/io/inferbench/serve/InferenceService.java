package io.inferbench.serve;

import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;
import io.inferbench.protocol.ProtocolException;
import io.inferbench.protocol.Signatures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What both protocols serve, apart from their wire formats: the model, its readiness, inference
 * through the bounded queue with the request checked first, and the statistics. Thread-safe.
 */
public final class InferenceService implements AutoCloseable {
    private final ServedModel model;
    private final ServeStats stats = new ServeStats();
    private final InferenceQueue queue;
    private volatile boolean ready = true;

    /** Starts the workers. */
    public InferenceService(ServedModel model, ServeSettings settings) throws Exception {
        this.model = model;
        this.queue = new InferenceQueue(model.session(), settings.workers(), settings.queueCapacity(), stats);
    }

    public ServedModel model() {
        return model;
    }

    public ServeStats stats() {
        return stats;
    }

    /** False once shutdown began: health checks say so while queued requests finish. */
    public boolean ready() {
        return ready;
    }

    /**
     * Checks {@code inputs} against the model and queues them; the future holds the outputs asked for
     * ({@code requested}, in that order; empty: every output in the model's order).
     *
     * @throws ProtocolException                  for inputs that do not fit the model or an unknown output
     * @throws InferenceQueue.QueueFullException when the queue is full or the server is stopping
     */
    public CompletableFuture<Map<String, Tensor>> infer(Map<String, Tensor> inputs, List<String> requested)
            throws ProtocolException, InferenceQueue.QueueFullException {
        Signatures.check(model.inputs(), inputs);
        for (String name : requested) {
            if (model.outputs().stream().noneMatch(s -> s.name().equals(name))) {
                throw new ProtocolException("unknown output '" + name + "'; the model's outputs are "
                        + model.outputs().stream().map(TensorSpec::name).toList());
            }
        }
        return queue.submit(inputs).thenApply(all -> select(all, requested));
    }

    private static Map<String, Tensor> select(Map<String, Tensor> all, List<String> requested) {
        if (requested.isEmpty()) {
            return all;
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String name : requested) {
            Tensor t = all.get(name);
            if (t != null) {
                out.put(name, t);
            }
        }
        return out;
    }

    /** Records a request answered with outputs: its whole time in the server, and the encoding of its outputs. */
    void succeeded(long totalNanos, long encodeNanos) {
        stats.success.add(totalNanos);
        stats.computeOutput.add(encodeNanos);
    }

    /** Records a request answered with an error. */
    void failed(long totalNanos) {
        stats.fail.add(totalNanos);
    }

    /** Stops readiness, then lets queued requests finish and closes the workers' runners. */
    @Override
    public void close() {
        ready = false;
        queue.close();
    }
}
