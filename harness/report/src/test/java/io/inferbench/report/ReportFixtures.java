package io.inferbench.report;

import io.inferbench.result.ColdStart;
import io.inferbench.result.ComparisonBasis;
import io.inferbench.result.ComparisonResult;
import io.inferbench.result.ComparisonVerdict;
import io.inferbench.result.ConfigurationOutcome;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationSetup;
import io.inferbench.result.EnvironmentInfo;
import io.inferbench.load.HistogramCodec;
import io.inferbench.api.Interval;
import io.inferbench.result.LatencySummary;
import io.inferbench.result.ModelInfo;
import io.inferbench.result.PercentileEstimate;
import io.inferbench.result.PhaseMark;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.PhasesResult;
import io.inferbench.result.RecommendationResult;
import io.inferbench.result.ResourcesResult;
import io.inferbench.result.RunResult;
import io.inferbench.result.RunSummary;
import io.inferbench.result.ScenarioRecord;
import io.inferbench.result.SessionInfo;
import io.inferbench.result.TensorInfo;
import io.inferbench.result.TimelinePoint;
import io.inferbench.result.UtilizationResult;
import io.inferbench.result.UtilizationSample;
import io.inferbench.result.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;

/**
 * A realistic run for report tests: two measured configurations with HdrHistogram data recorded
 * from seeded lognormal latencies, and one that failed to load. Labels, model names, errors and
 * the scenario text carry hostile text ({@link #HOSTILE}) that the report must show escaped.
 *
 * <p>The run is analysed: int8 compared with fp32 (the baseline) and recommended; both measured
 * configurations carry a utilization timeline with load, warmup and measurement phases and a cold
 * start. fp32's energy could not be read: its {@link #UNAVAILABLE} note carries {@code <script>}.
 */
final class ReportFixtures {
    /** Markup, both quote kinds and a path traversal, in one string. */
    static final String HOSTILE = "<script>alert(1)</script> \"'../";
    static final String FAST_LABEL = "precision=int8 " + HOSTILE;
    static final String SLOW_LABEL = "precision=fp32 threads=4";
    static final String FAILED_LABEL = "precision=fp16 ../../etc/passwd";
    static final String FAILED_ERROR = "failed to load \"model.onnx\": <script>alert(1)</script> in ../models";
    static final String UNAVAILABLE = "energy: /sys/class/powercap/intel-rapl:0/energy_uj is not readable "
            + "(<script>alert(1)</script>; run as root or chmod it)";
    static final String COMPARISON_SUMMARY =
            "int8 is 1.60× faster than fp32 (p50 ratio 0.625, 95% CI 0.619–0.631)";
    static final String RECOMMENDATION_REASON =
            "lowest p99 latency among the 2 configurations meeting p99 ≤ 50 ms";
    static final String LOSER_REASON = "dominated by c02: slower at p99 (6.14 ms > 4.40 ms)";
    private static final Instant START = Instant.parse("2026-11-22T10:15:00Z");

    private ReportFixtures() {
    }

    /** The three-configuration run; the same object every call (fixed seeds). */
    static RunResult run() {
        ConfigurationResult slow = withResources(measured("c01", SLOW_LABEL, "fp32", 4.0, 0.22, 20_000, 11),
                utilization(380, 412, Double.NaN, List.of(UNAVAILABLE)), new ColdStart(412.5, 38.2, 2140, 102_548_263L));
        ConfigurationResult fast = withResources(measured("c02", FAST_LABEL, "int8", 2.5, 0.35, 20_000, 12),
                utilization(395, 236, 41.5, List.of()), new ColdStart(298.0, 21.7, Double.NaN, 26_214_400L));
        ConfigurationResult failed = new ConfigurationResult(setup("c03", FAILED_LABEL, Map.of("precision", "fp16"),
                "single-stream", model("resnet50-fp16 " + HOSTILE), Map.of("model.precision", "fp16")), null,
                new ConfigurationOutcome.Failed(FAILED_ERROR), null, null, null);
        return new RunResult(RunResult.SCHEMA, "20261122-101500-quickstart", START, START.plusSeconds(125),
                new ScenarioRecord("scenarios/01-quickstart.yaml", "quickstart", "Compare int8 and fp32 ResNet-50 "
                        + "on CPU. " + HOSTILE, "9f2c0d4be1a7c3e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d",
                        "# How to run: inferbench run scenarios/01-quickstart.yaml\nname: quickstart\n"
                                + "description: \"" + HOSTILE + "\"\nmatrix:\n  precision: [fp32, int8, fp16]\n"),
                environment(), List.of(slow, fast, failed),
                new RunSummary(comparisons(), recommendation(), List.of(), List.of()));
    }

    /** int8 (c02) against fp32 (c01), the baseline. */
    static List<ComparisonResult> comparisons() {
        return List.of(new ComparisonResult("c02", "c01", "p50", 0.625, new Interval(0.619, 0.631, true),
                0.716, new Interval(0.69, 0.741, true), 5.8e7, 1e-300, -0.71, "large", ComparisonVerdict.FASTER,
                5, ComparisonBasis.WITHIN_RUN_BOOTSTRAP, 0.625, new Interval(0.62, 0.63, true),
                new Interval(0.619, 0.631, true), 20_000, 20_000, 20_000, 20_000, 2000, COMPARISON_SUMMARY));
    }

    static RecommendationResult recommendation() {
        return new RecommendationResult("c02", RECOMMENDATION_REASON, "lowest p99 latency",
                List.of("p99 ≤ 50 ms", "valid measurement"), List.of("c02"),
                List.of(new RecommendationResult.Loser("c01", LOSER_REASON),
                        new RecommendationResult.Loser("c03", "FAILED: " + FAILED_ERROR)));
    }

    /**
     * Eight seconds sampled every half second: load until 1 s, warmup until 2.5 s, then measurement.
     * CPU ramps up during the load, RSS grows to {@code rssMiB}; {@code watts} NaN means no RAPL.
     */
    static UtilizationResult utilization(double cpuPercent, double rssMiB, double watts, List<String> unavailable) {
        List<UtilizationSample> samples = new ArrayList<>();
        long mib = 1024L * 1024L;
        for (int i = 1; i <= 16; i++) {
            double t = i * 0.5;
            double cpu = t <= 1 ? 95 : t <= 2.5 ? cpuPercent * 0.9 : cpuPercent + (i % 3) * 4;
            long rss = Math.round((t <= 1 ? rssMiB * t * 0.7 : rssMiB * (0.92 + 0.005 * i)) * mib);
            long heap = (40 + (i * 7) % 30) * mib;
            samples.add(new UtilizationSample(t, cpu, cpu / 16, List.of(), rss, heap, 256 * mib, i % 4 == 0 ? 3 : 0,
                    21 + Math.min(i, 4), Double.NaN, -1, Double.NaN, watts));
        }
        boolean energy = Double.isFinite(watts);
        return new UtilizationResult(0.5, 8.0, 16, samples,
                List.of(new PhaseMark("load", 0), new PhaseMark("warmup", 1.0), new PhaseMark("measurement", 2.5)),
                cpuPercent * 0.93, cpuPercent + 8, cpuPercent * 0.93 / 16, Math.round(rssMiB * 1.01 * mib),
                55.0 * mib, 69 * mib, 12, 25, energy ? watts * 8 : Double.NaN, energy ? watts : Double.NaN,
                Double.NaN, -1, Double.NaN, unavailable);
    }

    private static ConfigurationResult withResources(ConfigurationResult c, UtilizationResult u, ColdStart s) {
        return new ConfigurationResult(c.setup(), c.session(), c.outcome(), c.phases(),
                new ResourcesResult(c.resources().loadTimeMs(), s, u), c.accuracy());
    }

    /**
     * An onnxruntime-on-cpu configuration as the report shows it. No model identity, input feed or
     * baseline: results of schema 1 did not record them apart, and the stored fixture is one.
     */
    static ConfigurationSetup setup(String id, String label, Map<String, String> axes, String load, ModelInfo model,
                                    Map<String, String> settings) {
        return new ConfigurationSetup(id, label, axes, "onnxruntime", "cpu", load, model, null, null, settings);
    }

    private static ConfigurationResult measured(String id, String label, String precision, double medianMs,
                                                double sigma, int n, long seed) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("model.precision", precision);
        settings.put("backend.threads.intra-op", "4");
        settings.put("load.kind", "single-stream");
        settings.put("measurement.min-duration", "10s");
        PhaseResult warmup = new PhaseResult(200, 200, 0, null, 1850, 108.1, null, 108.1, null, null, List.of());
        return new ConfigurationResult(setup(id, label, Map.of("precision", precision), "single-stream",
                model("resnet50-" + precision + " " + HOSTILE), settings),
                new SessionInfo(List.of(new TensorInfo("input", "float32", List.of(-1L, 3L, 224L, 224L))),
                        List.of(new TensorInfo("logits", "float32", List.of(-1L, 1000L))),
                        Map.of("intra_op_num_threads", "4", "graph_optimization_level", "ALL")),
                new ConfigurationOutcome.Ok(Verdict.of(List.of())),
                PhasesResult.once(warmup, phase(medianMs, sigma, n, seed), null),
                new ResourcesResult(412.5, null, null), null);
    }

    private static PhaseResult phase(double medianMs, double sigma, int n, long seed) {
        Random random = new Random(seed);
        double[] ms = new double[n];
        Histogram h = HistogramCodec.newHistogram();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            ms[i] = medianMs * StrictMath.exp(sigma * random.nextGaussian()); // StrictMath: same bits on every JVM
            h.recordValue(Math.round(ms[i] * 1e6));
            sum += ms[i];
        }
        double mean = sum / n;
        double var = Arrays.stream(ms).map(v -> (v - mean) * (v - mean)).sum() / (n - 1);
        Arrays.sort(ms);
        double half = 1.96 * Math.sqrt(var / n);
        List<PercentileEstimate> percentiles = new ArrayList<>();
        for (double p : new double[] {50, 90, 95, 99, 99.9}) {
            percentiles.add(percentile(ms, p));
        }
        LatencySummary latency = new LatencySummary(n, mean, new Interval(mean - half, mean + half, true),
                Math.sqrt(var), ms[0], ms[n - 1], percentiles);
        double durationMs = sum;
        List<TimelinePoint> timeline = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            timeline.add(new TimelinePoint(s, s + 1, n / 3, 0, n / 3.0, medianMs, ms[(int) (n * 0.9)], ms[(int) (n * 0.99)], ms[n - 1]));
        }
        timeline.add(new TimelinePoint(3, 4, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
        return new PhaseResult(n, n, 0, null, durationMs, n * 1000.0 / durationMs,
                new Interval(n * 990.0 / durationMs, n * 1010.0 / durationMs, true), n * 1000.0 / durationMs,
                latency, HistogramCodec.encode(h), timeline);
    }

    /** Order-statistic 95% interval of a percentile; unbounded when the sample is too small. */
    static PercentileEstimate percentile(double[] sorted, double p) {
        int n = sorted.length;
        double q = p / 100;
        double half = 1.96 * Math.sqrt(n * q * (1 - q));
        int lo = (int) Math.floor(n * q - half);
        int hi = (int) Math.ceil(n * q + half);
        boolean bounded = lo >= 0 && hi < n;
        double value = sorted[Math.min(n - 1, (int) Math.ceil(n * q) - 1)];
        return new PercentileEstimate(p, value,
                new Interval(sorted[Math.max(0, lo)], sorted[Math.min(n - 1, hi)], bounded));
    }

    static ModelInfo model(String name) {
        return new ModelInfo(name, "maven:io.inferbench.models:resnet50:1.0!resnet50.onnx",
                "/home/bench/.m2/repository/io/inferbench/models/resnet50/1.0/resnet50.onnx", "onnx", 102_548_263L,
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", null, null);
    }

    static EnvironmentInfo environment() {
        Map<String, String> libraries = new LinkedHashMap<>();
        libraries.put("inferbench", "0.1.0-SNAPSHOT");
        libraries.put("onnxruntime", "1.29.0");
        libraries.put("hdrhistogram", "2.2.2");
        return new EnvironmentInfo("bench-01", "Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz",
                List.of("avx2", "avx512f", "avx512_vnni"), 16, 68_719_476_736L, "Debian GNU/Linux 12 (bookworm)",
                "6.1.0-28-amd64", "amd64", "Eclipse Adoptium OpenJDK 64-Bit Server VM 17.0.15+6",
                List.of("-Xmx8g", "-XX:+UseG1GC"), libraries, "fc904d9e2a1b-dirty", "2026-11-22T10:14:58Z",
                List.of());
    }
}
