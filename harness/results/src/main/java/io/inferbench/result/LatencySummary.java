package io.inferbench.result;

import io.inferbench.api.Interval;

import java.util.List;

/**
 * Latency distribution of a phase, in milliseconds.
 *
 * @param count       number of samples behind every figure here
 * @param meanMs      arithmetic mean
 * @param meanCi95Ms  95% confidence interval of the mean (Student t)
 * @param stdevMs     standard deviation
 * @param minMs       smallest
 * @param maxMs       largest
 * @param percentiles p50, p90, p95, p99, p99.9 each with a distribution-free 95% confidence
 *                    interval from order statistics
 */
public record LatencySummary(long count, double meanMs, Interval meanCi95Ms, double stdevMs, double minMs,
                             double maxMs, List<PercentileEstimate> percentiles) {
    public LatencySummary {
        percentiles = List.copyOf(percentiles);
    }

    /** The estimate for percentile {@code p} (e.g. 99.0), or null when not computed. */
    public PercentileEstimate percentile(double p) {
        return percentiles.stream().filter(e -> e.percentile() == p).findFirst().orElse(null);
    }

    /** The value of percentile {@code p} in ms, or NaN when not computed. */
    public double valueMs(double p) {
        PercentileEstimate e = percentile(p);
        return e == null ? Double.NaN : e.valueMs();
    }
}
