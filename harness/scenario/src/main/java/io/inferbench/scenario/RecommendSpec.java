package io.inferbench.scenario;

import java.time.Duration;

/**
 * What the scenario asks of a recommended configuration ({@code recommend:}): constraints every
 * candidate must meet, and what to optimise among those that do.
 *
 * @param percentile     latency percentile the constraint and ranking use; null for the profile's key percentile
 * @param maxLatency     the percentile must not exceed this; null for no limit
 * @param minThroughput  queries per second at least; null for no limit
 * @param maxMemoryBytes peak resident memory at most; null for no limit
 * @param goal           {@code lowest-latency} or {@code highest-throughput}
 * @param maxAccuracyDropPoints the main accuracy task may fall at most this many percentage points
 *                       below the {@code accuracy.reference} configuration; null for no limit
 */
public record RecommendSpec(Double percentile, Duration maxLatency, Double minThroughput, Long maxMemoryBytes,
                            String goal, Double maxAccuracyDropPoints) {
    public RecommendSpec(Double percentile, Duration maxLatency, Double minThroughput, Long maxMemoryBytes,
                         String goal) {
        this(percentile, maxLatency, minThroughput, maxMemoryBytes, goal, null);
    }
}
