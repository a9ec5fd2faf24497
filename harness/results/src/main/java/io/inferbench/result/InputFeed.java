package io.inferbench.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How a configuration's input samples were built and fed. Two configurations fed alike (and with
 * the same tensors) can be compared; see {@link LikeConfigurations}.
 *
 * @param source         {@code random(seed=N)}, {@code text:FILE} or {@code data:FILE}
 * @param batchSize      samples per query
 * @param sequenceLength tokens per text sample (the most, when texts are not padded to it)
 * @param samples        distinct samples prepared
 * @param seed           seed of the random samples and of their order
 * @param padding        how texts were padded ({@code none}, {@code batch-longest}, {@code buckets[16,32]});
 *                       null for padded to the sequence length (and in results from before the choice)
 * @param order          {@code shuffle} when queries drew samples at random; null when they took them in turn
 */
public record InputFeed(String source, int batchSize, int sequenceLength, int samples, long seed,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String padding,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String order) {
    /** Padded to the sequence length, samples in turn. */
    public InputFeed(String source, int batchSize, int sequenceLength, int samples, long seed) {
        this(source, batchSize, sequenceLength, samples, seed, null, null);
    }
}
