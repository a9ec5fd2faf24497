package io.inferbench.result;

/**
 * How a configuration behaved before it reached steady state.
 *
 * @param modelLoadMs         time to open the model session
 * @param firstInferenceMs    latency of the very first inference after loading
 * @param timeToSteadyStateMs from the start of the load to the start of the first interval whose
 *                            median is within the tolerance of the final median; NaN when none is
 * @param modelFileBytes      size of the model on disk (sum of files for a directory); -1 when unknown
 */
public record ColdStart(double modelLoadMs, double firstInferenceMs, double timeToSteadyStateMs,
                        long modelFileBytes) {
}
