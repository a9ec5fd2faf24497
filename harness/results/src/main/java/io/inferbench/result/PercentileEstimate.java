package io.inferbench.result;

import io.inferbench.api.Interval;

/**
 * A latency percentile with its 95% confidence interval.
 *
 * @param percentile e.g. 99.0
 * @param valueMs    point estimate
 * @param ci95Ms     confidence interval; its bounds equal the point when the sample is too small
 *                   to bound the percentile (then {@code ci95Ms.bounded()} is false)
 */
public record PercentileEstimate(double percentile, double valueMs, Interval ci95Ms) {
}
