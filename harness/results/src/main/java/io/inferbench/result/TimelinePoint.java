package io.inferbench.result;

/**
 * One interval of a phase's timeline.
 *
 * @param startSeconds  interval start, seconds since the start of the phase
 * @param endSeconds    interval end
 * @param queries       queries completed in the interval
 * @param errors        errors in the interval
 * @param qps           queries per second in the interval
 * @param p50Ms         median latency in the interval (NaN when no query completed)
 * @param p90Ms         90th percentile in the interval
 * @param p99Ms         99th percentile in the interval
 * @param maxMs         largest latency in the interval
 */
public record TimelinePoint(double startSeconds, double endSeconds, long queries, long errors, double qps,
                            double p50Ms, double p90Ms, double p99Ms, double maxMs) {
}
