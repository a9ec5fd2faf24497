package io.inferbench.scenario;

import java.util.List;

/**
 * The scenario's {@code accuracy.agreement:}: how many samples each configuration's outputs are
 * captured on for output agreement, and which outputs.
 *
 * @param samples samples captured and compared at most; null for {@link #DEFAULT_SAMPLES} (or all
 *                prepared samples when fewer)
 * @param outputs the outputs compared, by name; empty for every output
 */
public record AgreementSpec(Integer samples, List<String> outputs) {
    /**
     * 64 samples by default, LoadGen's usual performance-sample count and this harness's
     * {@code inputs.samples} default: a mean cosine over 64 sentences moves by well under 0.001
     * between halves of the set for int8 against fp32 MiniLM, while a capture of 64 MiniLM outputs at
     * 128 tokens stays near 12 MB per configuration beside the result.
     */
    public static final int DEFAULT_SAMPLES = 64;
    /** Every output, 64 samples at most. */
    public static final AgreementSpec DEFAULT = new AgreementSpec(null, List.of());

    public AgreementSpec {
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        if (samples != null && samples < 1) {
            throw new IllegalArgumentException("samples must be at least 1, got " + samples);
        }
    }

    /** Samples to capture out of {@code prepared}: the declared count or the default, never more than prepared. */
    public int samplesOf(int prepared) {
        return Math.min(prepared, samples == null ? DEFAULT_SAMPLES : samples);
    }

    /** Whether output {@code name} is compared. */
    public boolean includes(String name) {
        return outputs.isEmpty() || outputs.contains(name);
    }
}
