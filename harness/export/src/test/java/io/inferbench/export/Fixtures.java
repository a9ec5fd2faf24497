package io.inferbench.export;

import io.inferbench.api.Interval;
import io.inferbench.api.accuracy.AccuracyMetric;
import io.inferbench.load.HistogramCodec;
import io.inferbench.result.AccuracyResult;
import io.inferbench.result.ConfigurationOutcome;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationSetup;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.EnvironmentInfo;
import io.inferbench.result.GateRecord;
import io.inferbench.result.GateRecord.Outcome;
import io.inferbench.result.LatencySummary;
import io.inferbench.result.MachineFingerprint;
import io.inferbench.result.PercentileEstimate;
import io.inferbench.result.PhaseMark;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.PhasesResult;
import io.inferbench.result.ResourcesResult;
import io.inferbench.result.RunResult;
import io.inferbench.result.RunSummary;
import io.inferbench.result.ScenarioRecord;
import io.inferbench.result.SessionInfo;
import io.inferbench.result.UtilizationResult;
import io.inferbench.result.UtilizationSample;
import io.inferbench.result.Verdict;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A small fixed run: a fully measured configuration, one whose label holds a pipe, markup, quotes, a comma
 * and a backslash, one that failed (with a multi-line error and an ANSI escape), one skipped; and the
 * gate's record of it with every kind of verdict.
 */
final class Fixtures {
    static final String RUN_ID = "20261203-020000-nightly";
    /** A label with everything that needs escaping in some format. */
    static final String AWKWARD = "precision=int8 tag=a|b_*<i>\"q\",\\z";

    private Fixtures() {
    }

    static RunResult run() {
        return run(1.0);
    }

    /** The run with c01's p50 and throughput multiplied by {@code factor}: a figure changed. */
    static RunResult run(double factor) {
        Instant start = Instant.parse("2026-12-03T02:00:00Z");
        List<ConfigurationResult> configs = List.of(
                measured("c01", "precision=fp32 threads=1", Map.of("precision", "fp32", "threads", "1"),
                        factor, true),
                measured("c02", AWKWARD, Map.of("precision", "int8", "tag", "a|b_*<i>\"q\",\\z"), 1.0, false),
                ConfigurationResult.notMeasured(setup("c03", "precision=fp16", Map.of("precision", "fp16")),
                        SessionInfo.NONE, ConfigurationStatus.FAILED,
                        "fork 1 exited with code 134\n\u001b[31mSIGSEGV\u001b[0m in libonnxruntime.so", List.of()),
                ConfigurationResult.notMeasured(setup("c04", "device=gpu", Map.of("device", "gpu")),
                        SessionInfo.NONE, ConfigurationStatus.SKIPPED, "no GPU found", List.of()));
        EnvironmentInfo env = new EnvironmentInfo("ci-runner-7", "Intel(R) Xeon(R) Platinum 8370C", List.of("avx2"), 2,
                8L << 30, "Linux 6.1", "6.1.0", "amd64", "Eclipse Adoptium OpenJDK 64-Bit Server VM 17.0.13",
                List.of("-Xmx2g"), Map.of("onnxruntime", "1.29.0"), "0123abc", "2026-12-03T02:00:00Z", List.of());
        ScenarioRecord scenario = new ScenarioRecord("scenarios/nightly.yaml", "nightly", "the nightly scenario",
                "ab".repeat(32), "name: nightly\n");
        return new RunResult(RunResult.SCHEMA, RUN_ID, start, start.plusSeconds(95), scenario, env, configs,
                RunSummary.NONE);
    }

    private static ConfigurationSetup setup(String id, String label, Map<String, String> axes) {
        return new ConfigurationSetup(id, label, new LinkedHashMap<>(new java.util.TreeMap<>(axes)), "onnxruntime",
                "cpu", "single-stream", null, null, null, Map.of());
    }

    private static ConfigurationResult measured(String id, String label, Map<String, String> axes, double factor,
                                                boolean withExtras) {
        double p50 = 4.25 * factor;
        Histogram h = HistogramCodec.newHistogram();
        h.recordValueWithCount(4_100_000, 300);
        h.recordValueWithCount((long) (p50 * 1e6), 600);
        h.recordValueWithCount(6_000_000, 290);
        h.recordValueWithCount(9_800_000, 10);
        LatencySummary latency = new LatencySummary(1200, 4.6, new Interval(4.55, 4.65, true), 0.9, 3.9, 12.5,
                List.of(new PercentileEstimate(50.0, p50, new Interval(p50 - 0.05, p50 + 0.04, true)),
                        new PercentileEstimate(90.0, 5.9, new Interval(5.8, 6.0, true)),
                        new PercentileEstimate(95.0, 6.1, new Interval(6.0, 6.3, true)),
                        new PercentileEstimate(99.0, 9.75, new Interval(9.1, 11.2, withExtras)),
                        new PercentileEstimate(99.9, 12.1, new Interval(11.0, 12.5, false))));
        double qps = 217.5 * factor;
        PhaseResult measurement = new PhaseResult(1200, 1200, 0, null, 5517.2, qps,
                new Interval(qps - 3.5, qps + 3.25, true), qps, latency, HistogramCodec.encode(h), List.of());
        PhaseResult warmup = new PhaseResult(40, 40, 0, null, 3000, 13.3, new Interval(0, 0, false), 13.3,
                latency, null, List.of());
        ResourcesResult resources = ResourcesResult.NONE;
        List<AccuracyResult> accuracy = List.of();
        if (withExtras) {
            List<UtilizationSample> timeline = List.of(sample(1.0, 10), sample(2.0, 12), sample(3.0, 12));
            UtilizationResult u = new UtilizationResult(1.0, 3.0, 2, timeline,
                    List.of(new PhaseMark("warmup", 0), new PhaseMark("measurement", 1.0)), 95, 100, 47.5,
                    412L << 20, 1e8, 150_000_000L, 12, 20, 34.0, 11.3, Double.NaN, -1, Double.NaN, List.of());
            resources = new ResourcesResult(812.5, null, u);
            accuracy = List.of(new AccuracyResult("spam", "embedding-probe", "data/spam.csv", AccuracyResult.Status.OK,
                    null, List.of(new AccuracyMetric("accuracy", 0.9525, new Interval(0.9311, 0.9672, true), 0.95, 400,
                            "Wilson score", "", null)), 2100));
        }
        return new ConfigurationResult(setup(id, label, axes), SessionInfo.NONE,
                new ConfigurationOutcome.Ok(Verdict.of(List.of())),
                PhasesResult.once(warmup, measurement, null), resources, accuracy);
    }

    private static UtilizationSample sample(double t, double watts) {
        return new UtilizationSample(t, 95, 47.5, List.of(), 400L << 20, 100_000_000L, 200_000_000L, 1, 20,
                Double.NaN, -1, Double.NaN, watts);
    }

    /** The gate's record of {@link #run()}: one regression, and every other kind of verdict. */
    static GateRecord gate() {
        String c01 = "precision=fp32 threads=1";
        List<GateRecord.Verdict> verdicts = List.of(
                verdict(c01, "p50", "ms", true, true, Outcome.UNCHANGED, 4.2, 4.25, 1.012, 0.99, 1.03, 0.05, 0.21, 1.0),
                verdict(c01, "p99", "ms", true, true, Outcome.REGRESSION, 8.5, 9.75, 1.147, 1.09, 1.21, 0.05, 1.2e-5,
                        2.4e-4),
                verdict(c01, "throughput", "inferences/s", false, true, Outcome.IMPROVEMENT, 205.0, 217.5, 1.061, 1.04,
                        1.08, 0.05, 2e-4, 3e-3),
                verdict(c01, "accuracy", "proportion", false, false, Outcome.INCONCLUSIVE, 0.9625, 0.9525, -1.0, -2.4,
                        0.4, 1.0, 0.08, 0.5),
                verdict(c01, "peak RSS", "bytes", true, true, Outcome.UNCHANGED, 430e6, 432013312.0, 1.005, 0.98, 1.03,
                        0.10, 0.4, 1.0),
                verdict(AWKWARD, "p50", "ms", true, true, Outcome.NEW, null, 4.25, null, null, null, 0.05, null, null),
                new GateRecord.Verdict(AWKWARD, "p99", "ms", true, true, Outcome.NOT_CONFIRMED, 8.9, 9.75, 1.095, 1.02,
                        1.17, 0.05, 0.001, 0.01, 0.04, "Student-t prediction on 12 earlier runs", 12, false,
                        new GateRecord.Confirmation(3, false, "interleaved baseline reruns", 1.01, 0.97, 1.05, 0.4)),
                verdict("precision=bf16", "p50", "ms", true, true, Outcome.MISSING, 3.9, null, null, null, null, 0.05,
                        null, null));
        List<GateRecord.Verdict> shifts = List.of(verdict(GateRecord.ALL_CONFIGURATIONS, "p50", "ms", true, true,
                Outcome.UNCHANGED, 1.0, 1.004, 1.004, 0.99, 1.02, 0.05, 0.3, 1.0));
        GateRecord.EnvironmentChange change = new GateRecord.EnvironmentChange("20261101-020000-nightly", "a1b2c3d4",
                "e5f6a7b8", List.of(new MachineFingerprint.Difference("jvm", "17.0.12", "17.0.13")));
        return new GateRecord(GateRecord.SCHEMA, RUN_ID, "nightly", "e5f6a7b8", Instant.parse("2026-12-03T02:05:00Z"),
                "history: 12 earlier runs under results", List.of("20261202-020000-nightly"), false, 7, 0.005,
                verdicts, shifts, List.of(change), List.of("1 result under results skipped: unreadable"));
    }

    private static GateRecord.Verdict verdict(String config, String metric, String unit, boolean lowerIsBetter,
                                              boolean relative, Outcome outcome, Double baseline, Double current,
                                              Double change, Double low, Double high, double threshold, Double p,
                                              Double adjusted) {
        return new GateRecord.Verdict(config, metric, unit, lowerIsBetter, relative, outcome, baseline, current, change,
                low, high, threshold, p, adjusted, p == null ? null : 0.03,
                p == null ? "no history" : "Student-t prediction on 12 earlier runs", p == null ? 0 : 12,
                outcome == Outcome.REGRESSION, null);
    }
}
