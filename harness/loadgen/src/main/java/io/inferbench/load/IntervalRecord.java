package io.inferbench.load;

/**
 * Latencies completed in one interval of a phase (nanoseconds, times relative to the phase start).
 * Only summary figures are kept per interval, so memory does not grow with run length beyond one
 * small record per interval.
 *
 * @param startNanos interval start
 * @param endNanos   interval end
 * @param queries    successful queries completed in the interval
 * @param errors     errors in the interval
 * @param p50Nanos   median latency (0 when no query completed)
 * @param p90Nanos   90th percentile
 * @param p99Nanos   99th percentile
 * @param maxNanos   largest latency
 * @param meanNanos  mean latency
 */
public record IntervalRecord(long startNanos, long endNanos, long queries, long errors, long p50Nanos,
                             long p90Nanos, long p99Nanos, long maxNanos, double meanNanos) {
}
