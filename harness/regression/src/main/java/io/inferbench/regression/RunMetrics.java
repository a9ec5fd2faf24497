package io.inferbench.regression;

import io.inferbench.api.Interval;
import io.inferbench.api.accuracy.AccuracyMetric;
import io.inferbench.gate.ConfidenceInterval;
import io.inferbench.gate.MetricKind;
import io.inferbench.gate.Observation;
import io.inferbench.gate.RunObservations;
import io.inferbench.gate.SeriesKey;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.PercentileEstimate;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.RunResult;
import io.inferbench.result.UtilizationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * What the gate reads from a result: for each measured configuration, its p50 and p99 latency,
 * throughput, the first accuracy task's main metric, peak RSS and energy per inference, where the
 * run has them, with their within-run intervals and, for runs of two or more forks, each fork's value
 * (the between-JVM spread the within-run fallback tests with). Failed and skipped configurations
 * have no observations: tonight they show up as missing.
 */
public final class RunMetrics {
    private RunMetrics() {
    }

    /** Every observation {@code run} holds, configurations in the run's order. */
    public static RunObservations observe(RunResult run) {
        Map<SeriesKey, Observation> out = new LinkedHashMap<>();
        for (ConfigurationResult c : run.configurations()) {
            if (c.status() == ConfigurationStatus.OK && c.measurement() != null) {
                observe(c).forEach(out::putIfAbsent);
            }
        }
        return new RunObservations(run.runId(), out);
    }

    /** One configuration's observations. */
    static Map<SeriesKey, Observation> observe(ConfigurationResult c) {
        Map<SeriesKey, Observation> out = new LinkedHashMap<>();
        PhaseResult m = c.measurement();
        List<PhaseResult> forks = c.phases().forks();
        percentile(m, 50).ifPresent(o -> out.put(key(c, MetricKind.P50), o.withForkMedians(forkValues(forks,
                f -> percentileValue(f, 50)))));
        percentile(m, 99).ifPresent(o -> out.put(key(c, MetricKind.P99), o.withForkMedians(forkValues(forks,
                f -> percentileValue(f, 99)))));
        throughput(m).ifPresent(o -> out.put(key(c, MetricKind.THROUGHPUT),
                o.withForkMedians(forkValues(forks, RunMetrics::inferencesPerSecond))));
        accuracy(c.mainAccuracy()).ifPresent(o -> out.put(key(c, MetricKind.ACCURACY), o));
        UtilizationResult u = c.resources().utilization();
        if (u != null && u.peakRssBytes() > 0) {
            out.put(key(c, MetricKind.PEAK_RSS), Observation.of(u.peakRssBytes()));
        }
        double joules = u == null ? Double.NaN : u.joulesPerInference("measurement", m.samples());
        if (Double.isFinite(joules) && joules > 0) {
            out.put(key(c, MetricKind.ENERGY_PER_INFERENCE), Observation.of(joules));
        }
        return out;
    }

    private static SeriesKey key(ConfigurationResult c, MetricKind metric) {
        return new SeriesKey(c.label(), metric);
    }

    private static Optional<Observation> percentile(PhaseResult m, double p) {
        PercentileEstimate e = m.latency() == null ? null : m.latency().percentile(p);
        if (e == null || !(e.valueMs() > 0) || !Double.isFinite(e.valueMs())) {
            return Optional.empty();
        }
        long n = m.latency().count();
        return Optional.of(new Observation(e.valueMs(), interval(e.ci95Ms()), n, List.of()));
    }

    private static double percentileValue(PhaseResult fork, double p) {
        return fork.latency() == null ? Double.NaN : fork.latency().valueMs(p);
    }

    /**
     * Inferences (samples) per second: what a batch of 8 delivers is eight inferences. The
     * interval is the query-rate interval scaled by the run's samples per query.
     */
    private static Optional<Observation> throughput(PhaseResult m) {
        double value = inferencesPerSecond(m);
        if (!(value > 0) || !Double.isFinite(value)) {
            return Optional.empty();
        }
        Optional<ConfidenceInterval> ci = Optional.empty();
        Interval q = m.throughputCi95Qps();
        if (q != null && m.throughputQps() > 0) {
            double scale = value / m.throughputQps();
            ci = interval(q).map(i -> new ConfidenceInterval(i.low() * scale, i.high() * scale));
        }
        return Optional.of(new Observation(value, ci, m.queries(), List.of()));
    }

    private static double inferencesPerSecond(PhaseResult m) {
        return m.samplesPerSecond() > 0 ? m.samplesPerSecond() : m.throughputQps();
    }

    private static Optional<Observation> accuracy(AccuracyMetric metric) {
        if (metric == null || !Double.isFinite(metric.value())) {
            return Optional.empty();
        }
        return Optional.of(new Observation(metric.value(), interval(metric.interval()), metric.sampleSize(),
                List.of()));
    }

    private static Optional<ConfidenceInterval> interval(Interval i) {
        if (i == null || !Double.isFinite(i.low()) || !Double.isFinite(i.high()) || i.low() > i.high()) {
            return Optional.empty();
        }
        return Optional.of(new ConfidenceInterval(i.low(), i.high()));
    }

    /** Each fork's value, when two or more forks all have one; else none. */
    private static List<Double> forkValues(List<PhaseResult> forks, ToDoubleFunction<PhaseResult> value) {
        if (forks.size() < 2) {
            return List.of();
        }
        List<Double> values = new ArrayList<>();
        for (PhaseResult f : forks) {
            double v = value.applyAsDouble(f);
            if (!(v > 0) || !Double.isFinite(v)) {
                return List.of();
            }
            values.add(v);
        }
        return values;
    }
}
