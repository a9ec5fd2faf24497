package io.inferbench.input;

import io.inferbench.api.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Samples as built, with the lengths they were fed at.
 *
 * @param samples    one map of input name to tensor per sample
 * @param fedLengths per sample, the sequence length it is fed at (empty for random or file inputs)
 * @param textTokens per text, its own token count before padding (empty for random or file inputs)
 */
public record SampleSet(List<Map<String, Tensor>> samples, int[] fedLengths, int[] textTokens) {
    public SampleSet {
        samples = List.copyOf(samples);
        fedLengths = fedLengths.clone();
        textTokens = textTokens.clone();
    }

    /** Samples not built from text: nothing to say about lengths. */
    public static SampleSet of(List<Map<String, Tensor>> samples) {
        return new SampleSet(samples, new int[0], new int[0]);
    }

    @Override
    public int[] fedLengths() {
        return fedLengths.clone();
    }

    @Override
    public int[] textTokens() {
        return textTokens.clone();
    }
}
