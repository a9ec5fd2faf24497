package io.inferbench.result;

import io.inferbench.api.Interval;

/**
 * Run-to-run variation of a configuration measured in several fresh JVMs (forks), separated from
 * the variation within one run, as JMH does.
 *
 * @param forks                 forks that produced a measurement
 * @param metric                the metric compared, e.g. {@code p50 latency}
 * @param meanAcrossForksMs     mean of the forks' metric
 * @param ci95AcrossForksMs     Student-t 95% interval of that mean across forks
 * @param betweenForkCvPercent  coefficient of variation of the metric across forks
 * @param withinForkCvPercent   mean coefficient of variation of latency within a fork
 * @param throughputBetweenForkCvPercent coefficient of variation of throughput across forks
 */
public record ForkVariation(int forks, String metric, double meanAcrossForksMs, Interval ci95AcrossForksMs,
                            double betweenForkCvPercent, double withinForkCvPercent,
                            double throughputBetweenForkCvPercent) {
}
