package io.inferbench.result;

/**
 * A configuration's resource and cold-start figures, each with its interval and sample size. Measured
 * once (in this process or one fork), CPU, RSS and energy come from the utilization sampler's
 * intervals and the cold start has {@code n = 1}; with several forks, every figure is taken across
 * the forks (one value per fork).
 *
 * @param runs                 the processes (forks) the figures come from; 1 when run once
 * @param cpuPercentOfOneCore  mean process CPU, 100 = one core
 * @param cpuPercentOfMachine  mean process CPU share of all cores
 * @param rssBytes             mean resident set size
 * @param peakRssBytes         the process's high-water mark ({@code VmHWM})
 * @param joulesPerInference   CPU package energy per sample within the measurement; null when not measured
 * @param modelLoadMs          time to open the model session
 * @param firstInferenceMs     latency of the first inference after loading
 * @param timeToSteadyStateMs  time from the start of the load until the latency settled; null when not recorded
 */
public record ResourceEstimates(int runs, Estimate cpuPercentOfOneCore, Estimate cpuPercentOfMachine,
                                Estimate rssBytes, Estimate peakRssBytes, Estimate joulesPerInference,
                                Estimate modelLoadMs, Estimate firstInferenceMs, Estimate timeToSteadyStateMs) {
}
