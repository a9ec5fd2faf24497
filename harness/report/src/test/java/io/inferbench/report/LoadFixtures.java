package io.inferbench.report;

import io.inferbench.report.SyntheticPhases.Spec;
import io.inferbench.result.BatchingStats;
import io.inferbench.result.ConfigurationOutcome;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.EarlyStoppingEstimate;
import io.inferbench.result.OpenLoopStats;
import io.inferbench.result.PeakSearchResult;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.PhasesResult;
import io.inferbench.result.ResourcesResult;
import io.inferbench.result.RunResult;
import io.inferbench.result.ScenarioRecord;
import io.inferbench.result.SessionInfo;
import io.inferbench.result.StabilityResult;
import io.inferbench.result.TensorInfo;
import io.inferbench.result.Verdict;
import io.inferbench.stats.ForkStatistics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run that uses every load feature the report shows, for report tests and a look in a browser:
 * <ol>
 *   <li>{@code c01}: an overloaded, unstable open loop (Poisson, 40 q/s) with dynamic batching and
 *       early-stopping estimates;</li>
 *   <li>{@code c02}: a rate peak search under p99 ≤ 50 ms with seven probes (peak 37.5 q/s);</li>
 *   <li>{@code c03}: a configuration run in three forks, each stable, with their variation;</li>
 *   <li>{@code c04}: a configuration whose fork crashed: a multi-line error carrying a stderr tail
 *       with {@code <script>} in it;</li>
 *   <li>{@code c05}, {@code c06}: two configurations differing only in the {@code concurrency} axis.</li>
 * </ol>
 */
final class LoadFixtures {
    static final String OPEN_LOOP_LABEL = "rate=40 batching=dynamic-8";
    static final String PEAK_LABEL = "peak-search precision=int8";
    static final String FORKED_LABEL = "threads=1 (3 forks)";
    static final String CRASHED_LABEL = "threads=2 (3 forks)";
    static final String CRASH_REASON =
            "fork 2 of 3: the JVM crashed with SIGSEGV in libonnxruntime.so+0x1a2b3c (exit status 134)";
    static final String CRASH_ERROR = CRASH_REASON + "\n"
            + "stderr (last 4 lines; all of it in results/20261122-111500-load/logs/c04-fork2.stderr.log):\n"
            + "  # A fatal error has been detected by the Java Runtime Environment:\n"
            + "  #  SIGSEGV (0xb) at pc=0x00007f3a2c1a2b3c, pid=4242, tid=4243\n"
            + "  # Problematic frame: <script>alert('stderr')</script>\n"
            + "  # C  [libonnxruntime.so+0x1a2b3c]  OrtRun+0x4c";
    private static final Instant START = Instant.parse("2026-11-22T11:15:00Z");

    private LoadFixtures() {
    }

    /** The six-configuration run; equal on every call (fixed seeds). */
    static RunResult run() {
        List<ConfigurationResult> configs = List.of(openLoop(), peakSearch(), forked(), crashed(),
                concurrency("c05", "1", 21, 4.1, 240), concurrency("c06", "4", 22, 6.4, 610));
        return new RunResult(RunResult.SCHEMA, "20261122-111500-load", START, START.plusSeconds(412),
                new ScenarioRecord("scenarios/load.yaml", "load", "Every load feature at once.",
                        "5d41402abc4b2a76b9719d911017c592e3b0c44298fc1c149afbf4c8996fb924",
                        "# How to run: inferbench run scenarios/load.yaml\nname: load\n"),
                ReportFixtures.environment(), configs, null);
    }

    private static ConfigurationResult openLoop() {
        Spec spec = new Spec(11, 26, 0.3, 31.2, 10, 0.09, 0);
        PhaseResult m = SyntheticPhases.phase(spec)
                .withOpenLoop(new OpenLoopStats("poisson", 40, Double.NaN, 39.6, 322, 74, true, 64, 0.061, 2.93,
                        11.4, 41, 1.0, 3.1, 212))
                .withBatching(new BatchingStats(8, 2.0, 77, 4.18, sizes()))
                .withStability(new StabilityResult(false, 3, 10, 99, 4.2, 23.5,
                        "last 3 windows differ by 4.2% on throughput and 23.5% on p99 (limit 10%)"))
                .withEarlyStopping(List.of(new EarlyStoppingEstimate(90, 0.99, 322, 61.8, 44, true),
                        new EarlyStoppingEstimate(99, 0.99, 322, Double.NaN, 662, false)));
        return configuration("c01", OPEN_LOOP_LABEL, axes("rate", "40", "batching", "dynamic-8"),
                "rate(40/s, poisson)", Verdict.of(List.of(
                        "overloaded: more than 64 queries in flight; the system cannot sustain this rate",
                        "unstable: last 3 windows differ by 4.2% on throughput and 23.5% on p99 (limit 10%)",
                        "too few queries for a p99 estimate at 99% confidence: 322 < 662")),
                SyntheticPhases.phase(spec.warmup(2)), m, List.of(), null, null);
    }

    private static Map<Integer, Long> sizes() {
        Map<Integer, Long> sizes = new LinkedHashMap<>();
        long[] counts = {6, 9, 11, 13, 10, 8, 7, 13};
        for (int i = 0; i < counts.length; i++) {
            sizes.put(i + 1, counts[i]);
        }
        return sizes;
    }

    private static ConfigurationResult peakSearch() {
        // Rate doubled from 10 until p99 broke 50 ms at 40, then bisected: 30, 35, 37.5, 38.75. Each pair
        // is {rate, intended p99}: the tail grows steeply near capacity, as queueing makes it.
        double[][] probes = {{10, 18}, {20, 22}, {40, 96}, {30, 31}, {35, 38}, {37.5, 44}, {38.75, 59}};
        List<PeakSearchResult.Probe> list = new ArrayList<>();
        PhaseResult peak = null;
        for (int i = 0; i < probes.length; i++) {
            double rate = probes[i][0];
            double sigma = 0.25;
            double median = probes[i][1] / StrictMath.exp(2.326 * sigma); // p99 of a lognormal
            PhaseResult m = SyntheticPhases.phase(Spec.steady(100 + i, median, sigma, rate * (rate < 40 ? 0.99 : 0.93),
                    5));
            // Below 100 queries there is no interval-backed p99; the probe, like HdrHistogram, then reads the maximum.
            double p99 = Double.isFinite(m.latency().valueMs(99.0)) ? m.latency().valueMs(99.0) : m.latency().maxMs();
            m = m.withOpenLoop(new OpenLoopStats("poisson", rate, Double.NaN, rate, m.queries(), 0, false, 100, 0.05,
                    1.2, 2.4, 2, 1.0, 0.3, p99 / 3));
            boolean meets = p99 <= 50;
            list.add(new PeakSearchResult.Probe(rate, meets, p99, m.throughputQps(), m));
            if (rate == 37.5) {
                peak = m;
            }
        }
        PeakSearchResult search = new PeakSearchResult("rate", 99, 50, true, 37.5, list);
        return configuration("c02", PEAK_LABEL, axes("precision", "int8"), "peak-search(rate, p99 ≤ 50 ms)",
                Verdict.of(List.of()), SyntheticPhases.phase(Spec.steady(150, 21, 0.3, 30, 5).warmup(1)), peak,
                List.of(), null, search);
    }

    private static ConfigurationResult forked() {
        List<PhaseResult> forks = new ArrayList<>();
        double[] medians = {4.0, 4.18, 3.93};
        for (int i = 0; i < medians.length; i++) {
            forks.add(SyntheticPhases.phase(Spec.steady(200 + i, medians[i], 0.22, 1000 / (medians[i] * 1.03), 6))
                    .withStability(new StabilityResult(true, 3, 10, 99, 1.1 + i, 3.4 + i,
                            "last 3 windows within " + (1.1 + i) + "% on throughput and " + (3.4 + i)
                                    + "% on p99 (limit 10%)")));
        }
        return configuration("c03", FORKED_LABEL, axes("threads", "1"), "single-stream", Verdict.of(List.of()),
                SyntheticPhases.phase(Spec.steady(210, 4.0, 0.22, 240, 6).warmup(2)), ForkStatistics.merge(forks),
                forks, ForkStatistics.variation(forks), null);
    }

    private static ConfigurationResult crashed() {
        return new ConfigurationResult(ReportFixtures.setup("c04", CRASHED_LABEL, axes("threads", "2"),
                "single-stream", ReportFixtures.model("resnet50-int8"),
                Map.of("backend.options.intra-op-threads", "2", "run.forks", "3")), null,
                new ConfigurationOutcome.Failed(CRASH_ERROR), null, null, null);
    }

    private static ConfigurationResult concurrency(String id, String clients, long seed, double medianMs,
                                                   double qps) {
        Spec spec = Spec.steady(seed, medianMs, 0.25, qps, 8);
        return configuration(id, "precision=int8 concurrency=" + clients, axes("precision", "int8", "concurrency",
                clients), "concurrency(" + clients + ")", Verdict.of(List.of()),
                SyntheticPhases.phase(spec.warmup(2)), SyntheticPhases.phase(spec), List.of(), null, null);
    }

    private static ConfigurationResult configuration(String id, String label, Map<String, String> axes, String load,
                                                     Verdict verdict, PhaseResult warmup, PhaseResult measurement,
                                                     List<PhaseResult> forks,
                                                     io.inferbench.result.ForkVariation variation,
                                                     PeakSearchResult peak) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("load", load);
        axes.forEach((k, v) -> settings.put("matrix." + k, v));
        return new ConfigurationResult(ReportFixtures.setup(id, label, axes, load,
                ReportFixtures.model("all-MiniLM-L6-v2 (int8)"), settings),
                new SessionInfo(List.of(new TensorInfo("input_ids", "int64", List.of(1L, 128L))),
                        List.of(new TensorInfo("last_hidden_state", "float32", List.of(-1L, -1L, 384L))),
                        Map.of("intra-op-threads", "1")),
                new ConfigurationOutcome.Ok(verdict), new PhasesResult(warmup, measurement, forks, variation, peak),
                new ResourcesResult(99.9, null, null), null);
    }

    private static Map<String, String> axes(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
