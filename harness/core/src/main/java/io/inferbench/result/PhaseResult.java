package io.inferbench.result;

import java.util.List;

/**
 * One phase (warmup or measurement) of one configuration.
 *
 * @param queries          queries completed (successfully or not)
 * @param samples          samples processed (queries x batch size)
 * @param errors           queries that threw; never silently dropped
 * @param firstError       message of the first error, or null
 * @param durationMs       wall time of the phase
 * @param throughputQps    completed queries per second
 * @param throughputCi95Qps 95% confidence interval of the throughput, from the per-interval rates
 *                         (batch means over the timeline); unbounded with fewer than 3 full intervals
 * @param samplesPerSecond samples per second
 * @param latency          latency distribution of successful queries
 * @param histogram        the HdrHistogram (nanoseconds), compressed and base64-encoded, so results
 *                         can be re-analysed and merged later
 * @param timeline         one point per interval (1 s by default)
 */
public record PhaseResult(long queries, long samples, long errors, String firstError, double durationMs,
                          double throughputQps, Interval throughputCi95Qps, double samplesPerSecond, LatencySummary latency,
                          String histogram, List<TimelinePoint> timeline) {
    public PhaseResult {
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }
}
