package io.inferbench.scenario;

import java.util.Map;

/**
 * How to build the input samples of a configuration. Samples are built and handed to the backend
 * before timing starts; queries cycle through them.
 *
 * @param batchSize      samples per query (the {@code batch} dimension)
 * @param sequenceLength length of the {@code sequence} dimension (and any other dynamic dimension)
 * @param samples        distinct samples prepared up front
 * @param seed           seed for random tensors and sample order
 * @param text           real text tokenized with the model's tokenizer; null for random tensors
 * @param tensors        per-input overrides, keyed by input name
 */
public record InputSpec(int batchSize, int sequenceLength, int samples, long seed, TextInputSpec text,
                        Map<String, TensorOverride> tensors) {
    public InputSpec {
        tensors = Map.copyOf(tensors);
    }
}
