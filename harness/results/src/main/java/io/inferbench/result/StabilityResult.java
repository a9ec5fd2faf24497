package io.inferbench.result;

/**
 * perf_analyzer's stability rule applied to a phase: the last {@code windows} measurement windows
 * agree within {@code tolerancePercent} on throughput and on the chosen latency percentile.
 *
 * @param stable           whether the rule held
 * @param windows          windows compared (K)
 * @param tolerancePercent allowed spread (X), in percent of the windows' mean
 * @param percentile       latency percentile compared
 * @param throughputSpreadPercent largest deviation of a window's throughput from their mean, in percent
 * @param latencySpreadPercent    largest deviation of a window's percentile from their mean, in percent
 * @param detail           one line for people
 */
public record StabilityResult(boolean stable, int windows, double tolerancePercent, double percentile,
                              double throughputSpreadPercent, double latencySpreadPercent, String detail) {
}
