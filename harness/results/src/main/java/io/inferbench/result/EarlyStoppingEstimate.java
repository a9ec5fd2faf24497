package io.inferbench.result;

/**
 * MLPerf-style early-stopping estimate of a latency percentile: the smallest latency that, with
 * the given confidence, the true percentile does not exceed, given how many queries were seen.
 *
 * @param percentile     e.g. 90 or 99
 * @param confidence     e.g. 0.99
 * @param queries        queries behind the estimate
 * @param valueMs        the conservative (upper-bound) percentile; NaN when there are too few queries
 * @param minimumQueries fewest queries that can bound this percentile at this confidence
 * @param sufficient     {@code queries >= minimumQueries}
 */
public record EarlyStoppingEstimate(double percentile, double confidence, long queries, double valueMs,
                                    long minimumQueries, boolean sufficient) {
}
