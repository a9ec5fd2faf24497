package io.inferbench.scenario;

/**
 * perf_analyzer's stability rule as declared: the last {@code windows} measurement windows must agree
 * within {@code tolerancePercent} on throughput and on the {@code percentile} latency. With
 * {@code warmupUntilStable}, the warmup also lasts until the rule holds (bounded by max-duration).
 *
 * @param windows           K, >= 2
 * @param tolerancePercent  X, > 0
 * @param percentile        50, 90 or 99
 * @param warmupUntilStable extend the warmup until the rule holds
 */
public record StabilitySpec(int windows, double tolerancePercent, double percentile, boolean warmupUntilStable) {
}
