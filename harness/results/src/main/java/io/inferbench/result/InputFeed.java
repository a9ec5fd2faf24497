package io.inferbench.result;

/**
 * How a configuration's input samples were built and fed. Two configurations fed alike (and with
 * the same tensors) can be compared; see {@link LikeConfigurations}.
 *
 * @param source         {@code random(seed=N)} or {@code text:FILE}
 * @param batchSize      samples per query
 * @param sequenceLength tokens per text sample
 * @param samples        distinct samples prepared
 * @param seed           seed of the random samples and of their order
 */
public record InputFeed(String source, int batchSize, int sequenceLength, int samples, long seed) {
}
