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
 * @param samplesPerSecond samples per second (the figure of the {@code offline} profile)
 * @param latency          latency distribution of successful queries
 * @param histogram        the HdrHistogram (nanoseconds), compressed and base64-encoded, so results
 *                         can be re-analysed and merged later
 * @param timeline         one point per interval (1 s by default)
 * @param openLoop         schedule keeping of an open-loop phase; null for closed loops
 * @param batching         what the dynamic batcher did; null without batching
 * @param stability        the stability rule applied to the phase; null when not evaluated
 * @param earlyStopping    early-stopping estimates of the profile's key percentiles
 * @param samplesPerSecondCi95 95% interval of the samples per second: the throughput's interval scaled
 *                         by the samples per successful query, which a phase holds fixed (its batch size).
 *                         Derived so when absent (a result written before it was recorded)
 * @param byLength         latency per input-length bucket, shortest first, for text inputs; empty for other
 *                         inputs, multi-stream, and results from before it was recorded
 */
public record PhaseResult(long queries, long samples, long errors, String firstError, double durationMs,
                          double throughputQps, Interval throughputCi95Qps, double samplesPerSecond, LatencySummary latency,
                          String histogram, List<TimelinePoint> timeline, OpenLoopStats openLoop,
                          BatchingStats batching, StabilityResult stability,
                          List<EarlyStoppingEstimate> earlyStopping, Interval samplesPerSecondCi95,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<LengthLatency> byLength) {
    public PhaseResult {
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        earlyStopping = earlyStopping == null ? List.of() : List.copyOf(earlyStopping);
        byLength = byLength == null ? List.of() : List.copyOf(byLength);
        if (samplesPerSecondCi95 == null) {
            samplesPerSecondCi95 = scaled(throughputCi95Qps, throughputQps, samplesPerSecond);
        }
    }

    /** Without latency by input length (non-text inputs, and callers from before it was recorded). */
    public PhaseResult(long queries, long samples, long errors, String firstError, double durationMs,
                       double throughputQps, Interval throughputCi95Qps, double samplesPerSecond,
                       LatencySummary latency, String histogram, List<TimelinePoint> timeline, OpenLoopStats openLoop,
                       BatchingStats batching, StabilityResult stability, List<EarlyStoppingEstimate> earlyStopping,
                       Interval samplesPerSecondCi95) {
        this(queries, samples, errors, firstError, durationMs, throughputQps, throughputCi95Qps, samplesPerSecond,
                latency, histogram, timeline, openLoop, batching, stability, earlyStopping, samplesPerSecondCi95,
                List.of());
    }

    /** Without the samples-per-second interval (derived from the throughput's) or latency by input length. */
    public PhaseResult(long queries, long samples, long errors, String firstError, double durationMs,
                       double throughputQps, Interval throughputCi95Qps, double samplesPerSecond,
                       LatencySummary latency, String histogram, List<TimelinePoint> timeline, OpenLoopStats openLoop,
                       BatchingStats batching, StabilityResult stability, List<EarlyStoppingEstimate> earlyStopping) {
        this(queries, samples, errors, firstError, durationMs, throughputQps, throughputCi95Qps, samplesPerSecond,
                latency, histogram, timeline, openLoop, batching, stability, earlyStopping, null, List.of());
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
                samplesPerSecond, latency, histogram, timeline, openLoop, batching, s, earlyStopping,
                samplesPerSecondCi95, byLength);
    }

    public PhaseResult withEarlyStopping(List<EarlyStoppingEstimate> e) {
        return new PhaseResult(queries, samples, errors, firstError, durationMs, throughputQps, throughputCi95Qps,
                samplesPerSecond, latency, histogram, timeline, openLoop, batching, stability, e,
                samplesPerSecondCi95, byLength);
    }

    public PhaseResult withOpenLoop(OpenLoopStats o) {
        return new PhaseResult(queries, samples, errors, firstError, durationMs, throughputQps, throughputCi95Qps,
                samplesPerSecond, latency, histogram, timeline, o, batching, stability, earlyStopping,
                samplesPerSecondCi95, byLength);
    }

    /**
     * The samples-per-second interval from the throughput's: samples per query are fixed within a
     * phase, so the rate of samples is the rate of queries times that constant. Null without a
     * throughput interval; unbounded (the point) when the throughput's is.
     */
    static Interval scaled(Interval qpsCi95, double qps, double samplesPerSecond) {
        if (qpsCi95 == null) {
            return null;
        }
        if (!(qps > 0) || !Double.isFinite(samplesPerSecond)) {
            return new Interval(samplesPerSecond, samplesPerSecond, false);
        }
        double perQuery = samplesPerSecond / qps;
        return new Interval(qpsCi95.low() * perQuery, qpsCi95.high() * perQuery, qpsCi95.bounded());
    }

    /** This phase with its latency per input-length bucket. */
    public PhaseResult withByLength(List<LengthLatency> buckets) {
        return new PhaseResult(queries, samples, errors, firstError, durationMs, throughputQps, throughputCi95Qps,
                samplesPerSecond, latency, histogram, timeline, openLoop, batching, stability, earlyStopping,
                samplesPerSecondCi95, buckets);
    }

    public PhaseResult withBatching(BatchingStats b) {
        return new PhaseResult(queries, samples, errors, firstError, durationMs, throughputQps, throughputCi95Qps,
                samplesPerSecond, latency, histogram, timeline, openLoop, b, stability, earlyStopping,
                samplesPerSecondCi95, byLength);
    }
}
