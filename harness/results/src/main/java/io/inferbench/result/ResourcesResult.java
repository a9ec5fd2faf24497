package io.inferbench.result;

/**
 * What a configuration cost besides its latency, measured in the process that ran the backend.
 *
 * @param loadTimeMs  time to load the model; 0 when it was not loaded
 * @param coldStart   model load time, first-inference latency and time to steady state; null unless OK
 * @param utilization CPU, memory, GPU and energy sampled while it ran; null when not sampled
 */
public record ResourcesResult(double loadTimeMs, ColdStart coldStart, UtilizationResult utilization) {
    /** Nothing loaded, nothing sampled. */
    public static final ResourcesResult NONE = new ResourcesResult(0, null, null);
}
