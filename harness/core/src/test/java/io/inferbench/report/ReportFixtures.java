package io.inferbench.report;

import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.EnvironmentInfo;
import io.inferbench.result.HistogramCodec;
import io.inferbench.result.Interval;
import io.inferbench.result.LatencySummary;
import io.inferbench.result.ModelInfo;
import io.inferbench.result.PercentileEstimate;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.RunResult;
import io.inferbench.result.ScenarioRecord;
import io.inferbench.result.TensorInfo;
import io.inferbench.result.TimelinePoint;
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
 */
final class ReportFixtures {
    /** Markup, both quote kinds and a path traversal, in one string. */
    static final String HOSTILE = "<script>alert(1)</script> \"'../";
    static final String FAST_LABEL = "precision=int8 " + HOSTILE;
    static final String SLOW_LABEL = "precision=fp32 threads=4";
    static final String FAILED_LABEL = "precision=fp16 ../../etc/passwd";
    static final String FAILED_ERROR = "failed to load \"model.onnx\": <script>alert(1)</script> in ../models";
    private static final Instant START = Instant.parse("2026-11-22T10:15:00Z");

    private ReportFixtures() {
    }

    /** The three-configuration run; the same object every call (fixed seeds). */
    static RunResult run() {
        ConfigurationResult slow = measured("c01", SLOW_LABEL, "fp32", 4.0, 0.22, 20_000, 11);
        ConfigurationResult fast = measured("c02", FAST_LABEL, "int8", 2.5, 0.35, 20_000, 12);
        ConfigurationResult failed = new ConfigurationResult("c03", FAILED_LABEL, Map.of("precision", "fp16"),
                "onnxruntime", "cpu", "single-stream", Map.of("model.precision", "fp16"),
                model("resnet50-fp16 " + HOSTILE), ConfigurationStatus.FAILED, FAILED_ERROR, null,
                List.of(), List.of(), Map.of(), 0, null, null);
        return new RunResult(RunResult.SCHEMA, "20261122-101500-quickstart", START, START.plusSeconds(125),
                new ScenarioRecord("scenarios/01-quickstart.yaml", "quickstart", "Compare int8 and fp32 ResNet-50 "
                        + "on CPU. " + HOSTILE, "9f2c0d4be1a7c3e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d",
                        "# How to run: inferbench run scenarios/01-quickstart.yaml\nname: quickstart\n"
                                + "description: \"" + HOSTILE + "\"\nmatrix:\n  precision: [fp32, int8, fp16]\n"),
                environment(), List.of(slow, fast, failed));
    }

    private static ConfigurationResult measured(String id, String label, String precision, double medianMs,
                                                double sigma, int n, long seed) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("model.precision", precision);
        settings.put("backend.threads.intra-op", "4");
        settings.put("load.kind", "single-stream");
        settings.put("measurement.min-duration", "10s");
        PhaseResult warmup = new PhaseResult(200, 200, 0, null, 1850, 108.1, null, 108.1, null, null, List.of());
        return new ConfigurationResult(id, label, Map.of("precision", precision), "onnxruntime", "cpu",
                "single-stream", settings, model("resnet50-" + precision + " " + HOSTILE), ConfigurationStatus.OK,
                null, Verdict.of(List.of()),
                List.of(new TensorInfo("input", "float32", List.of(-1L, 3L, 224L, 224L))),
                List.of(new TensorInfo("logits", "float32", List.of(-1L, 1000L))),
                Map.of("intra_op_num_threads", "4", "graph_optimization_level", "ALL"), 412.5, warmup,
                phase(medianMs, sigma, n, seed));
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
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
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
