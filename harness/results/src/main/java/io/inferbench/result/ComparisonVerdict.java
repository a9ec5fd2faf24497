package io.inferbench.result;

/**
 * What a comparison of a candidate configuration against a baseline concluded about latency,
 * for a tolerance of ±X%: {@link ComparisonResult#tolerancePercent()}.
 */
public enum ComparisonVerdict {
    /** The candidate's latency is lower than the baseline's, by more than the tolerance allows calling equal. */
    FASTER,
    /** The candidate's latency is higher than the baseline's, by more than the tolerance allows calling equal. */
    SLOWER,
    /** The latency ratio lies within ±X% with 95% confidence (two one-sided tests). */
    EQUIVALENT,
    /** Neither: the data cannot tell (too few samples or forks, or too much noise). */
    INCONCLUSIVE
}
