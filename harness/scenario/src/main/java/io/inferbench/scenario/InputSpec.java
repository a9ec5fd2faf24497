package io.inferbench.scenario;

import java.nio.file.Path;
import java.util.Map;

/**
 * How to build the input samples of a configuration. Samples are built and handed to the backend
 * before timing starts; queries draw them in {@code order}.
 *
 * @param batchSize      samples per query (the {@code batch} dimension)
 * @param sequenceLength length of the {@code sequence} dimension (and any other dynamic dimension)
 * @param samples        distinct samples prepared up front (LoadGen's performance-sample count)
 * @param seed           seed for random tensors and sample order
 * @param text           real text tokenized with the model's tokenizer; null for random tensors
 * @param tensors        per-input overrides, keyed by input name
 * @param order          the order queries draw the samples in
 * @param data           the user's own samples (JSON lines, .npy or .npz); null when not given
 */
public record InputSpec(int batchSize, int sequenceLength, int samples, long seed, TextInputSpec text,
                        Map<String, TensorOverride> tensors, SampleOrder order, Path data) {
    public InputSpec {
        tensors = Map.copyOf(tensors);
        order = order == null ? SampleOrder.CYCLE : order;
    }

    /** Cycling through generated samples, as before order and data files were choices. */
    public InputSpec(int batchSize, int sequenceLength, int samples, long seed, TextInputSpec text,
                     Map<String, TensorOverride> tensors) {
        this(batchSize, sequenceLength, samples, seed, text, tensors, SampleOrder.CYCLE, null);
    }
}
