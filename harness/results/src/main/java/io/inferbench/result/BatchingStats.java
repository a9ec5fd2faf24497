package io.inferbench.result;

import java.util.Map;

/**
 * What the dynamic batcher did in a phase.
 *
 * @param maxBatchSize     largest batch it may form
 * @param maxQueueDelayMs  longest it waits for a batch to fill
 * @param batches          inferences run
 * @param meanBatchSize    queries per inference, on average
 * @param batchSizeCounts  inferences per batch size
 */
public record BatchingStats(int maxBatchSize, double maxQueueDelayMs, long batches, double meanBatchSize,
                            Map<Integer, Long> batchSizeCounts) {
    public BatchingStats {
        batchSizeCounts = Ordered.copy(batchSizeCounts);
    }
}
