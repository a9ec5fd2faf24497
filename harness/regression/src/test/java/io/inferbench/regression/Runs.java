package io.inferbench.regression;

import io.inferbench.api.Interval;
import io.inferbench.result.ConfigurationOutcome;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationSetup;
import io.inferbench.result.EnvironmentInfo;
import io.inferbench.result.LatencySummary;
import io.inferbench.result.ModelInfo;
import io.inferbench.result.PercentileEstimate;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.PhasesResult;
import io.inferbench.result.RunResult;
import io.inferbench.result.RunSummary;
import io.inferbench.result.ScenarioRecord;
import io.inferbench.result.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Small results for gate tests: configurations with a p50, p99 and throughput, on a chosen machine. */
final class Runs {
    static final Instant START = Instant.parse("2026-11-01T02:00:00Z");

    private Runs() {
    }

    static EnvironmentInfo machine(String cpu, String onnxruntime) {
        Map<String, String> libraries = new LinkedHashMap<>();
        libraries.put("inferbench", "0.1.0");
        libraries.put("onnxruntime", onnxruntime);
        return new EnvironmentInfo("ci-1", cpu, List.of("avx2"), 2, 24L << 30, "Debian GNU/Linux 12", "6.1.0",
                "amd64", "OpenJDK 17.0.15", List.of(), libraries, "abc", "2026-11-01T02:00:00Z", List.of());
    }

    static final EnvironmentInfo MACHINE = machine("Xeon", "1.29.0");

    /**
     * Night {@code night} (a day after {@link #START} per night) with one configuration per entry of
     * {@code p50ms}: p99 twice the p50, throughput its inverse.
     */
    static RunResult night(String scenario, int night, EnvironmentInfo env, double... p50ms) {
        List<ConfigurationResult> configs = new ArrayList<>();
        for (int i = 0; i < p50ms.length; i++) {
            configs.add(configuration("c" + (i + 1), "config=" + (i + 1), p50ms[i]));
        }
        Instant start = START.plusSeconds(86_400L * night);
        return new RunResult(RunResult.SCHEMA, String.format("2026%04d-020000-%s", night, scenario), start,
                start.plusSeconds(60), new ScenarioRecord("s.yaml", scenario, "", "sha-" + scenario, "name: " + scenario),
                env, configs, RunSummary.NONE);
    }

    /** {@code nights} nights of {@code configs} configurations with seeded lognormal night-to-night noise. */
    static List<RunResult> nights(String scenario, int nights, int configs, double sigma, long seed) {
        Random random = new Random(seed);
        List<RunResult> out = new ArrayList<>();
        for (int n = 0; n < nights; n++) {
            double common = Math.exp(sigma * random.nextGaussian());
            double[] p50 = new double[configs];
            for (int c = 0; c < configs; c++) {
                p50[c] = (10 + c) * common * Math.exp(sigma * random.nextGaussian());
            }
            out.add(night(scenario, n, MACHINE, p50));
        }
        return out;
    }

    static ConfigurationResult configuration(String id, String label, double p50) {
        double p99 = 2 * p50;
        LatencySummary latency = new LatencySummary(10_000, p50 * 1.1, new Interval(p50, p50 * 1.2, true), p50 / 5,
                p50 / 2, p99 * 2, List.of(new PercentileEstimate(50, p50, new Interval(p50 * 0.99, p50 * 1.01, true)),
                        new PercentileEstimate(99, p99, new Interval(p99 * 0.97, p99 * 1.03, true))));
        double qps = 1000 / p50;
        PhaseResult m = new PhaseResult(10_000, 10_000, 0, null, 10_000 * p50, qps,
                new Interval(qps * 0.99, qps * 1.01, true), qps, latency, null, List.of());
        ConfigurationSetup setup = new ConfigurationSetup(id, label, Map.of("config", label), "synthetic", "cpu",
                "single-stream", new ModelInfo("m", "m.onnx", "m.onnx", "onnx", 1, "model-sha", null, "m.onnx"), null,
                null, Map.of());
        return new ConfigurationResult(setup, null, new ConfigurationOutcome.Ok(Verdict.of(List.of())),
                PhasesResult.once(null, m, null), null, List.of());
    }
}
