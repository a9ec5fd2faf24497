package io.inferbench.result;

/**
 * What a configuration cost besides its latency, measured in the process that ran the backend.
 *
 * @param loadTimeMs  time to load the model; 0 when it was not loaded
 * @param coldStart   model load time, first-inference latency and time to steady state; null unless OK.
 *                    With forks, the first fork's
 * @param utilization CPU, memory, GPU and energy sampled while it ran; null when not sampled. With forks,
 *                    the first fork's timeline
 * @param estimates   the headline figures with their intervals and sample sizes (across forks when
 *                    there are several); null when nothing was sampled, or in a result written before
 *                    intervals were recorded
 */
public record ResourcesResult(double loadTimeMs, ColdStart coldStart, UtilizationResult utilization,
                              ResourceEstimates estimates) {
    /** Nothing loaded, nothing sampled. */
    public static final ResourcesResult NONE = new ResourcesResult(0, null, null, null);

    /** Without interval estimates, for callers that sample nothing worth one. */
    public ResourcesResult(double loadTimeMs, ColdStart coldStart, UtilizationResult utilization) {
        this(loadTimeMs, coldStart, utilization, null);
    }

    /** This result with these estimates. */
    public ResourcesResult withEstimates(ResourceEstimates e) {
        return new ResourcesResult(loadTimeMs, coldStart, utilization, e);
    }
}
