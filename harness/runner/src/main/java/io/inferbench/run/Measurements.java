package io.inferbench.run;

import io.inferbench.load.Batching;
import io.inferbench.load.LoadProfile;
import io.inferbench.load.LoadResult;
import io.inferbench.load.PhaseRecording;
import io.inferbench.load.QueueRecording;
import io.inferbench.result.BatchingStats;
import io.inferbench.result.EarlyStoppingEstimate;
import io.inferbench.result.OpenLoopStats;
import io.inferbench.result.PhaseResult;
import io.inferbench.scenario.Durations;
import io.inferbench.scenario.RunSpec;
import io.inferbench.scenario.StabilitySpec;
import io.inferbench.stats.EarlyStopping;
import io.inferbench.stats.PhaseSummaries;
import io.inferbench.stats.Stability;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns what the load generator recorded into result phases, and decides whether the
 * measurement counts (MLPerf's VALID / INVALID, with every reason).
 */
final class Measurements {
    /** Confidence of the early-stopping percentile estimates (MLPerf's default). */
    static final double EARLY_STOPPING_CONFIDENCE = EarlyStopping.DEFAULT_CONFIDENCE;

    private Measurements() {
    }

    static PhaseResult phase(PhaseRecording r, int samplesPerQuery, LoadProfile profile, Batching batching,
                             RunSpec run) {
        PhaseResult p = PhaseSummaries.summarize(r, samplesPerQuery);
        QueueRecording q = r.queue();
        if (q != null && profile instanceof LoadProfile.Rate rate) {
            double seconds = r.durationNanos() / 1e9;
            p = p.withOpenLoop(new OpenLoopStats(rate.arrival().id(), rate.qps(), rate.rampToQps(),
                    seconds > 0 ? (q.issued() + q.dropped()) / seconds : 0, q.issued(), q.dropped(), q.overloaded(),
                    rate.maxInFlight(), ms(q.lag(), 50), ms(q.lag(), 99), q.lag().getMaxValue() / 1e6, q.late(),
                    rate.lateThreshold().toNanos() / 1e6, ms(q.queueDelay(), 50), ms(q.queueDelay(), 99),
                    q.peakInFlight()));
        }
        if (q != null && batching != null) {
            long batches = q.batchSizes().values().stream().mapToLong(Long::longValue).sum();
            double queries = q.batchSizes().entrySet().stream().mapToDouble(e -> (double) e.getKey() * e.getValue())
                    .sum();
            p = p.withBatching(new BatchingStats(batching.maxBatchSize(), batching.maxQueueDelay().toNanos() / 1e6,
                    batches, batches == 0 ? 0 : queries / batches, q.batchSizes()));
        }
        StabilitySpec s = run.stability();
        if (s != null && r.intervals().size() > 0) {
            p = p.withStability(Stability.evaluate(r.intervals(), s.windows(), s.tolerancePercent(), s.percentile()));
        }
        if (r.histogram().getTotalCount() > 0) {
            List<EarlyStoppingEstimate> es = new ArrayList<>();
            for (double pct : keyPercentiles(profile)) {
                es.add(EarlyStopping.estimate(r.histogram(), pct, EARLY_STOPPING_CONFIDENCE));
            }
            p = p.withEarlyStopping(es);
        }
        return p;
    }

    /** The percentiles a profile is judged on (MLPerf: p90 single-stream, p99 multi-stream and server). */
    static List<Double> keyPercentiles(LoadProfile profile) {
        if (profile instanceof LoadProfile.SingleStream) {
            return List.of(90.0, 99.0);
        }
        if (profile instanceof LoadProfile.Offline) {
            return List.of();
        }
        return List.of(99.0);
    }

    /** Every rule the measurement broke, in words. */
    static List<String> reasons(RunSpec run, PhaseResult m, LoadResult load) {
        List<String> reasons = new ArrayList<>();
        if (load.abortReason() != null) {
            reasons.add("aborted: " + load.abortReason());
        }
        if (m.openLoop() != null && m.openLoop().overloaded() || overloaded(load.warmup())) {
            reasons.add("overloaded: more than " + (m.openLoop() == null ? "the cap of" : m.openLoop().maxInFlight())
                    + " queries in flight; the system cannot sustain this rate");
        }
        if (m.durationMs() < run.minDuration().toMillis()) {
            reasons.add(String.format("ran %.1f s, less than min-duration %s", m.durationMs() / 1000,
                    Durations.format(run.minDuration())));
        }
        if (m.queries() < run.minQueries()) {
            reasons.add("completed " + m.queries() + " queries, fewer than min-queries " + run.minQueries());
        }
        if (m.errors() > 0) {
            reasons.add(m.errors() + " of " + m.queries() + " queries failed (first: " + m.firstError() + ")");
        }
        if (m.stability() != null && !m.stability().stable()) {
            reasons.add("unstable: " + m.stability().detail());
        }
        // Only the profile's primary percentile gates validity, and only when asked: the estimates of
        // every key percentile are in the result either way.
        List<EarlyStoppingEstimate> es = m.earlyStopping();
        if (run.earlyStopping() && !es.isEmpty()) {
            EarlyStoppingEstimate e = es.get(0);
            if (!e.sufficient()) {
                reasons.add(String.format("too few queries for a p%s estimate at %.0f%% confidence: %d < %d",
                        fmt(e.percentile()), e.confidence() * 100, e.queries(), e.minimumQueries()));
            }
        }
        return reasons;
    }

    private static boolean overloaded(PhaseRecording warmup) {
        return warmup != null && warmup.queue() != null && warmup.queue().overloaded();
    }

    private static double ms(org.HdrHistogram.Histogram h, double p) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(p) / 1e6;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
