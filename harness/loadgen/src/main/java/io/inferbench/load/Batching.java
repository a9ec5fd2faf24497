package io.inferbench.load;

import java.time.Duration;

/**
 * Dynamic batching between the load generator and the backend, as Triton's dynamic batcher:
 * a worker takes the oldest waiting query and up to {@code maxBatchSize - 1} more, waiting at most
 * {@code maxQueueDelay} after the first arrived for the batch to fill. Each query's latency
 * includes its time in the queue.
 *
 * @param maxBatchSize  largest batch, >= 1
 * @param maxQueueDelay longest a query waits for others to join its batch
 * @param instances     workers forming and running batches (model instances)
 */
public record Batching(int maxBatchSize, Duration maxQueueDelay, int instances) {
    public Batching {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("max-batch-size must be >= 1, got " + maxBatchSize);
        }
        if (maxQueueDelay.isNegative()) {
            throw new IllegalArgumentException("max-queue-delay must be >= 0");
        }
        if (instances < 1) {
            throw new IllegalArgumentException("instances must be >= 1, got " + instances);
        }
    }
}
