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

    /**
     * Per sample, its own length: its longest text's token count, what it would be fed at without
     * padding (a sample holds {@code batch} consecutive texts); empty for random or file inputs.
     */
    public int[] ownLengths() {
        if (fedLengths.length == 0 || textTokens.length == 0) {
            return new int[0];
        }
        int batch = textTokens.length / fedLengths.length;
        int[] own = new int[fedLengths.length];
        for (int s = 0; s < own.length; s++) {
            for (int b = 0; b < batch; b++) {
                own[s] = Math.max(own[s], textTokens[s * batch + b]);
            }
        }
        return own;
    }
}
