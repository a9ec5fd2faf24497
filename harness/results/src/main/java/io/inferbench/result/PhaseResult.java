package io.inferbench.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.inferbench.api.Interval;

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
 * @param openLoop         schedule keeping of an open-loop phase; null for closed loops
 * @param batching         what the dynamic batcher did; null without batching
 * @param stability        the stability rule applied to the phase; null when not evaluated
 * @param earlyStopping    early-stopping estimates of the profile's key percentiles
 * @param byLength         latency per input-length bucket, shortest first, for text inputs; empty for other
 *                         inputs, multi-stream, and results from before it was recorded
 */
public record PhaseResult(long queries, long samples, long errors, String firstError, double durationMs,
                          double throughputQps, Interval throughputCi95Qps, double samplesPerSecond, LatencySummary latency,
                          String histogram, List<TimelinePoint> timeline, OpenLoopStats openLoop,
                          BatchingStats batching, StabilityResult stability,
                          List<EarlyStoppingEstimate> earlyStopping,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<LengthLatency> byLength) {
    public PhaseResult {
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        earlyStopping = earlyStopping == null ? List.of() : List.copyOf(earlyStopping);
        byLength = byLength == null ? List.of() : List.copyOf(byLength);
    }

    /** Without latency by input length (non-text inputs, and callers from before it was recorded). */
    public PhaseResult(long queries, long samples, long errors, String firstError, double durationMs,
                       double throughputQps, Interval throughputCi95Qps, double samplesPerSecond,
                       LatencySummary latency, String histogram, List<TimelinePoint> timeline, OpenLoopStats openLoop,
                       BatchingStats batching, StabilityResult stability, List<EarlyStoppingEstimate> earlyStopping) {
        this(queries, samples, errors, firstError, durationMs, throughputQps, throughputCi95Qps, samplesPerSecond,
                latency, histogram, timeline, openLoop, batching, stability, earlyStopping, List.of());
    }

    /** The closed-loop form, without open-loop, batching, stability or early-stopping figures. */
    public PhaseResult(long queries, long samples, long errors, String firstError, double durationMs,
                       double throughputQps, Interval throughputCi95Qps, double samplesPerSecond,
                       LatencySummary latency, String histogram, List<TimelinePoint> timeline) {
        this(queries, samples, errors, firstError, durationMs, throughputQps, throughputCi95Qps, samplesPerSecond,
                latency, histogram, timeline, null, null, null, List.of());
    }

    public PhaseResult withStability(StabilityResult s) {
        return new PhaseResult(queries, samples, errors, firstError, durationMs, throughputQps, throughputCi95Qps,
                samplesPerSecond, latency, histogram, timeline, openLoop, batching, s, earlyStopping, byLength);
    }

    public PhaseResult withEarlyStopping(List<EarlyStoppingEstimate> e) {
        return new PhaseResult(queries, samples, errors, firstError, durationMs, throughputQps, throughputCi95Qps,
                samplesPerSecond, latency, histogram, timeline, openLoop, batching, stability, e, byLength);
    }

    public PhaseResult withOpenLoop(OpenLoopStats o) {
        return new PhaseResult(queries, samples, errors, firstError, durationMs, throughputQps, throughputCi95Qps,
                samplesPerSecond, latency, histogram, timeline, o, batching, stability, earlyStopping, byLength);
    }

    public PhaseResult withBatching(BatchingStats b) {
        return new PhaseResult(queries, samples, errors, firstError, durationMs, throughputQps, throughputCi95Qps,
                samplesPerSecond, latency, histogram, timeline, openLoop, b, stability, earlyStopping, byLength);
    }

    /** This phase with its latency per input-length bucket. */
    public PhaseResult withByLength(List<LengthLatency> buckets) {
        return new PhaseResult(queries, samples, errors, firstError, durationMs, throughputQps, throughputCi95Qps,
                samplesPerSecond, latency, histogram, timeline, openLoop, batching, stability, earlyStopping, buckets);
    }
}
