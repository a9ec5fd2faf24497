package io.inferbench.jmh;

import io.inferbench.result.ConfigurationOutcome;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationSetup;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.ForkVariation;
import io.inferbench.load.HistogramCodec;
import io.inferbench.api.Interval;
import io.inferbench.result.LatencySummary;
import io.inferbench.result.PercentileEstimate;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.PhasesResult;
import io.inferbench.result.ResourcesResult;
import io.inferbench.result.SessionInfo;
import io.inferbench.result.Verdict;
import io.inferbench.run.ConfigurationResults;
import io.inferbench.run.PreparedConfiguration;
import io.inferbench.scenario.ConfigurationSpec;
import io.inferbench.stats.ForkStatistics;
import io.inferbench.stats.LatencyStatistics;
import io.inferbench.stats.ResourceStatistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.apache.commons.math3.distribution.TDistribution;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.BenchmarkResultMetaData;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/**
 * Converts JMH's results for one configuration (an {@link Mode#AverageTime} run and a
 * {@link Mode#SampleTime} run of {@link InferenceCallBenchmark}) into InferBench's
 * {@link ConfigurationResult}.
 *
 * <ul>
 *   <li>The mean and its 95% interval are JMH's AverageTime score and the Student-t interval over
 *       every measured iteration of every fork (JMH prints the 99.9% one).</li>
 *   <li>Percentiles, stdev, min, max and the histogram come from SampleTime's distribution of
 *       individually timed calls, all forks merged; without it they are absent.</li>
 *   <li>The forks are SampleTime's forks, so their variation can be compared by median as in a
 *       normal forked run.</li>
 * </ul>
 */
final class JmhResults {
    static final double CONFIDENCE = 0.95;
    static final String LOAD = "jmh (1 thread)";

    /**
     * What the host learned by opening the configuration once before JMH ran.
     *
     * @param loadTimeMs model load time in the host JVM
     * @param session    inputs as fed, outputs as declared, and what the session reported
     */
    record Probe(double loadTimeMs, SessionInfo session) {
    }

    private JmhResults() {
    }

    /** The configuration measured by {@code runs}; FAILED when JMH returned no AverageTime result. */
    static ConfigurationResult toConfiguration(PreparedConfiguration pc, Probe probe, Collection<RunResult> runs,
                                               JmhSettings settings) {
        RunResult avgt = find(runs, Mode.AverageTime);
        RunResult sample = find(runs, Mode.SampleTime);
        if (avgt == null) {
            return failed(pc, probe, ConfigurationStatus.FAILED, "JMH returned no AverageTime result", settings);
        }
        int batch = pc.spec().inputs().batchSize();
        Totals avgtTotals = Totals.of(avgt.getBenchmarkResults(), settings);
        Histogram distribution = sample == null ? null : histogram(sample.getPrimaryResult());
        PhaseResult measurement = measurement(avgt.getPrimaryResult(), avgtTotals,
                sample == null ? null : sample.getPrimaryResult(), distribution, batch);
        PhaseResult warmup = settings.warmupIterations() == 0 ? null : warmup(avgtTotals, batch);
        List<PhaseResult> forks = sample == null ? List.of() : forks(sample.getBenchmarkResults(), batch, settings);
        ForkVariation variation = ForkStatistics.variation(forks);

        List<String> reasons = new ArrayList<>();
        if (avgtTotals.forks < settings.forks()) {
            reasons.add("only " + avgtTotals.forks + " of " + settings.forks() + " forks produced a result");
        }
        if (avgtTotals.iterations < 2) {
            reasons.add("fewer than 2 measured iterations: the mean has no confidence interval");
        }
        return new ConfigurationResult(setup(pc, settings), probe.session(),
                new ConfigurationOutcome.Ok(Verdict.of(reasons)),
                new PhasesResult(warmup, measurement, forks, variation, null), loadTime(probe), List.of());
    }

    /** The probe's model load, measured once: "n = 1, no interval". */
    private static ResourcesResult loadTime(Probe probe) {
        ResourcesResult r = new ResourcesResult(probe.loadTimeMs(), null, null);
        return r.withEstimates(ResourceStatistics.ofRun(r, null));
    }

    /** A configuration that was not measured, with the reason. {@code probe} may be null. */
    static ConfigurationResult failed(PreparedConfiguration pc, Probe probe, ConfigurationStatus status, String reason,
                                      JmhSettings settings) {
        return new ConfigurationResult(setup(pc, settings),
                probe != null ? probe.session() : ConfigurationResults.plannedSession(pc),
                ConfigurationOutcome.notMeasured(status, reason), PhasesResult.NONE,
                probe != null ? new ResourcesResult(probe.loadTimeMs(), null, null) : ResourcesResult.NONE, List.of());
    }

    /** The configuration as declared, measured by JMH with its settings added to the display ones. */
    private static ConfigurationSetup setup(PreparedConfiguration pc, JmhSettings settings) {
        return ConfigurationResults.setup(pc, LOAD, settings(pc.spec(), settings));
    }

    private static PhaseResult measurement(Result<?> avgt, Totals totals, Result<?> sample, Histogram distribution,
                                           int batch) {
        double perUnit = msPer(avgt.getScoreUnit());
        double meanMs = avgt.getScore() * perUnit;
        Interval meanCi = interval(avgt.getStatistics(), perUnit, meanMs);
        double stdev = Double.NaN;
        double min = Double.NaN;
        double max = Double.NaN;
        List<PercentileEstimate> percentiles = List.of();
        if (sample != null && distribution.getTotalCount() > 0) {
            Statistics s = sample.getStatistics();
            double samplePerUnit = msPer(sample.getScoreUnit());
            stdev = s.getStandardDeviation() * samplePerUnit;
            min = s.getMin() * samplePerUnit;
            max = s.getMax() * samplePerUnit;
            percentiles = Arrays.stream(LatencyStatistics.PERCENTILES)
                    .mapToObj(p -> LatencyStatistics.percentile(distribution, p)).toList();
        }
        LatencySummary latency = new LatencySummary(totals.ops, meanMs, meanCi, stdev, min, max, percentiles);
        // One thread calling back to back: throughput is the reciprocal of the mean, and so is its interval.
        double qps = meanMs > 0 ? 1000 / meanMs : 0;
        Interval qpsCi = meanCi.bounded() && meanCi.low() > 0
                ? new Interval(1000 / meanCi.high(), 1000 / meanCi.low(), true) : new Interval(qps, qps, false);
        double durationMs = totals.measuredMs > 0 ? totals.measuredMs : totals.ops * meanMs;
        return new PhaseResult(totals.ops, totals.ops * batch, 0, null, durationMs, qps, qpsCi, qps * batch, latency,
                distribution == null || distribution.getTotalCount() == 0 ? null : HistogramCodec.encode(distribution),
                List.of());
    }

    private static PhaseResult warmup(Totals t, int batch) {
        double qps = t.warmupMs > 0 ? t.warmupOps / (t.warmupMs / 1000) : 0;
        return new PhaseResult(t.warmupOps, t.warmupOps * batch, 0, null, t.warmupMs, qps,
                new Interval(qps, qps, false), qps * batch, null, null, List.of());
    }

    /** Each SampleTime fork as a phase of its own: its distribution, calls and measured time. */
    private static List<PhaseResult> forks(Collection<BenchmarkResult> forks, int batch, JmhSettings settings) {
        List<PhaseResult> out = new ArrayList<>();
        for (BenchmarkResult f : forks) {
            Histogram h = histogram(f.getPrimaryResult());
            if (h.getTotalCount() == 0) {
                continue;
            }
            Totals t = Totals.of(List.of(f), settings);
            LatencySummary latency = LatencyStatistics.summarize(h);
            double durationMs = t.iterations * (double) settings.measurementTime().toMillis();
            long ops = t.ops > 0 ? t.ops : h.getTotalCount();
            double qps = durationMs > 0 ? ops / (durationMs / 1000) : 0;
            out.add(new PhaseResult(ops, ops * batch, 0, null, durationMs, qps, new Interval(qps, qps, false),
                    qps * batch, latency, HistogramCodec.encode(h), List.of()));
        }
        return out;
    }

    /** The result's distribution (values in its score unit) as an HdrHistogram of nanoseconds. */
    static Histogram histogram(Result<?> r) {
        Histogram h = HistogramCodec.newHistogram();
        double nanosPer = msPer(r.getScoreUnit()) * 1e6;
        Iterator<Map.Entry<Double, Long>> it = r.getStatistics().getRawData();
        while (it.hasNext()) {
            Map.Entry<Double, Long> e = it.next();
            long nanos = Math.round(e.getKey() * nanosPer);
            h.recordValueWithCount(Math.max(1, Math.min(nanos, HistogramCodec.HIGHEST_TRACKABLE_NANOS)), e.getValue());
        }
        return h;
    }

    /**
     * Student-t interval of the mean at {@link #CONFIDENCE}: JMH's own. JMH declines to give one
     * for two values (NaN); the same formula then still holds, with one degree of freedom (wide).
     * Unbounded (the point) with fewer than two values.
     */
    static Interval interval(Statistics s, double perUnit, double pointMs) {
        if (s.getN() < 2) {
            return new Interval(pointMs, pointMs, false);
        }
        double[] ci = s.getConfidenceIntervalAt(CONFIDENCE);
        if (!Double.isFinite(ci[0]) || !Double.isFinite(ci[1])) {
            double t = new TDistribution(s.getN() - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
            double half = t * s.getStandardDeviation() / Math.sqrt(s.getN());
            ci = new double[] {s.getMean() - half, s.getMean() + half};
        }
        return new Interval(ci[0] * perUnit, ci[1] * perUnit, true);
    }

    /** Milliseconds per unit of a JMH time score such as {@code ms/op} or {@code us/op}. */
    static double msPer(String scoreUnit) {
        String unit = scoreUnit.toLowerCase(Locale.ROOT);
        int slash = unit.indexOf('/');
        return switch (slash < 0 ? unit : unit.substring(0, slash)) {
            case "ns" -> 1e-6;
            case "us" -> 1e-3;
            case "ms" -> 1;
            case "s" -> 1e3;
            case "min" -> 60e3;
            default -> throw new IllegalArgumentException("not a time-per-operation unit: " + scoreUnit);
        };
    }

    private static RunResult find(Collection<RunResult> runs, Mode mode) {
        return runs.stream().filter(r -> r.getParams().getMode() == mode).findFirst().orElse(null);
    }

    static Map<String, String> settings(ConfigurationSpec c, JmhSettings s) {
        Map<String, String> m = new LinkedHashMap<>(c.settings());
        m.put("jmh.forks", Integer.toString(s.forks()));
        m.put("jmh.warmup", s.describeWarmup());
        m.put("jmh.iterations", s.describeMeasurement());
        return m;
    }

    /** Operations and time over some forks, from JMH's iteration results and metadata. */
    private static final class Totals {
        int forks;
        int iterations;
        long ops;
        double measuredMs;
        long warmupOps;
        double warmupMs;

        static Totals of(Collection<BenchmarkResult> forks, JmhSettings warmup) {
            Totals t = new Totals();
            for (BenchmarkResult f : forks) {
                t.forks++;
                for (IterationResult it : f.getIterationResults()) {
                    t.iterations++;
                    if (it.getMetadata() != null) {
                        long ops = it.getMetadata().getMeasuredOps();
                        t.ops += ops;
                        // AverageTime's score is the iteration's measured time per operation.
                        if (it.getBenchmarkParams().getMode() == Mode.AverageTime) {
                            t.measuredMs += it.getPrimaryResult().getScore() * msPer(it.getScoreUnit()) * ops;
                        }
                    }
                }
                BenchmarkResultMetaData md = f.getMetadata();
                if (md != null) {
                    t.warmupOps += md.getWarmupOps();
                }
            }
            // JMH keeps no warmup iteration results (and its timestamps include the GCs between
            // iterations): the warmup's length is nominal.
            t.warmupMs = t.forks * (double) warmup.warmupIterations() * warmup.warmupTime().toMillis();
            return t;
        }
    }
}
