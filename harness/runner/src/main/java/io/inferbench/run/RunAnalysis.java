package io.inferbench.run;

import io.inferbench.compare.Candidate;
import io.inferbench.compare.Comparison;
import io.inferbench.compare.ComparisonOptions;
import io.inferbench.compare.Constraints;
import io.inferbench.compare.LocationMetric;
import io.inferbench.compare.Recommender;
import io.inferbench.load.LoadProfile;
import io.inferbench.result.ComparisonResult;
import io.inferbench.result.ComparisonSettings;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.RecommendationResult;
import io.inferbench.result.RunResult;
import io.inferbench.result.RunSummary;
import io.inferbench.scenario.CompareSpec;
import io.inferbench.scenario.Scenario;
import io.inferbench.stats.Holm;
import java.util.ArrayList;
import java.util.List;

/**
 * After the last configuration: every measured configuration compared with the baseline (the
 * first measured one), and a recommendation. Analysis never fails a run: a problem becomes a note
 * in the recommendation's reason.
 */
final class RunAnalysis {
    private RunAnalysis() {
    }

    static RunResult analyse(RunResult run, Scenario scenario, java.nio.file.Path outputsDir) {
        List<ConfigurationResult> measured = run.configurations().stream()
                .filter(c -> c.status() == ConfigurationStatus.OK && c.measurement() != null
                        && c.measurement().histogram() != null && c.measurement().latency() != null
                        && c.measurement().latency().count() > 0)
                .toList();
        List<ComparisonResult> comparisons = new ArrayList<>();
        CompareSpec compare = scenario == null ? CompareSpec.DEFAULT : scenario.compare();
        RecommendationResult recommendation = null;
        try {
            // Only like is compared with like: a configuration's baseline is the first measured one fed
            // the same inputs with the same outputs (fp32 vs int8, one backend vs another), never another model.
            // A scenario's baseline: (e.g. DJL's TensorFlow engine against TensorFlow Java) picks another one.
            for (int i = 0; i < measured.size(); i++) {
                ConfigurationResult c = measured.get(i);
                ConfigurationResult baseline = declaredBaseline(c, measured);
                for (int j = 0; baseline == null && j < i; j++) {
                    if (io.inferbench.result.LikeConfigurations.alike(c, measured.get(j))) {
                        baseline = measured.get(j);
                    }
                }
                if (baseline != null) {
                    comparisons.add(Comparison.compare(c, baseline, options(compare)));
                }
            }
            comparisons = holmAdjusted(comparisons);
            io.inferbench.scenario.RecommendSpec want = scenario == null ? null : scenario.recommend();
            double percentile = want != null && want.percentile() != null ? want.percentile() : keyPercentile(scenario);
            List<ConfigurationResult> group = io.inferbench.result.LikeConfigurations.largestGroup(run.configurations());
            List<Candidate> candidates = group.stream().map(c -> Candidate.of(c, percentile)).toList();
            if (!candidates.isEmpty()) {
                recommendation = Recommender.recommend(candidates, withAccuracy(constraints(want, percentile), want,
                                run, scenario),
                        want != null && "highest-throughput".equals(want.goal())
                                ? io.inferbench.compare.Goal.HIGHEST_THROUGHPUT : io.inferbench.compare.Goal.LOWEST_LATENCY);
                if (group.size() < run.configurations().size() && recommendation.reason() != null) {
                    recommendation = new RecommendationResult(recommendation.bestId(), recommendation.reason()
                            + " (among the " + group.size() + " configurations with the same inputs and outputs as "
                            + group.get(0).id() + "; the others run another model or are fed other inputs)", recommendation.objective(),
                            recommendation.constraints(), recommendation.paretoFront(), recommendation.losers());
                }
            }
        } catch (RuntimeException e) {
            recommendation = new RecommendationResult(null, "analysis failed: " + e, "", List.of(), List.of(),
                    List.of());
        }
        List<io.inferbench.result.AccuracyDropResult> drops = List.of();
        try {
            drops = io.inferbench.accuracy.AccuracyDrops.compute(run.configurations(),
                    scenario == null ? null : scenario.accuracy());
        } catch (RuntimeException e) {
            // no drop figures; each configuration's own accuracy stands
        }
        return run.withSummary(new RunSummary(comparisons, recommendation, agreements(run, outputsDir), drops,
                ComparisonSettings.of(compare.metric(), compare.marginPercent(), comparisons.size())));
    }

    /** The scenario's {@code compare:} as the comparisons read it. */
    static ComparisonOptions options(CompareSpec compare) {
        return ComparisonOptions.defaults().withMetric(LocationMetric.named(compare.metric()))
                .withTolerancePercent(compare.marginPercent());
    }

    /**
     * Each comparison's Mann–Whitney p-value Holm-adjusted over the run's comparisons: with K of them,
     * one small p-value among many is no longer read as a difference (the family-wise error stays at
     * the level read). A single comparison is left as it is; so is one without a p-value.
     */
    static List<ComparisonResult> holmAdjusted(List<ComparisonResult> comparisons) {
        if (comparisons.size() < 2) {
            return comparisons;
        }
        List<Integer> tested = new ArrayList<>();
        for (int i = 0; i < comparisons.size(); i++) {
            if (Double.isFinite(comparisons.get(i).mannWhitneyP())) {
                tested.add(i);
            }
        }
        double[] adjusted = Holm.adjust(tested.stream().mapToDouble(i -> comparisons.get(i).mannWhitneyP()).toArray());
        List<ComparisonResult> out = new ArrayList<>(comparisons);
        for (int k = 0; k < tested.size(); k++) {
            out.set(tested.get(k), comparisons.get(tested.get(k)).withHolmAdjustedP(adjusted[k]));
        }
        return out;
    }

    /** {@code recommend.max-accuracy-drop} against the {@code accuracy.reference} configuration. */
    static Constraints withAccuracy(Constraints c, io.inferbench.scenario.RecommendSpec want, RunResult run,
                                    Scenario scenario) {
        if (want == null || want.maxAccuracyDropPoints() == null) {
            return c;
        }
        ConfigurationResult ref = scenario == null || scenario.accuracy() == null ? null
                : io.inferbench.accuracy.AccuracyDrops.reference(run.configurations(), scenario.accuracy());
        return c.withMaxAccuracyDrop(want.maxAccuracyDropPoints(), ref == null ? null : ref.id());
    }

    /**
     * The measured configuration a {@code baseline:} names: the one with that matrix variant and every
     * other axis the same, fed the same inputs; null when there is none (not measured, or not alike).
     */
    static ConfigurationResult declaredBaseline(ConfigurationResult c, List<ConfigurationResult> measured) {
        String label = c.setup().baseline();
        if (label == null) {
            return null;
        }
        for (ConfigurationResult b : measured) {
            if (b != c && io.inferbench.scenario.ScenarioParser.baselineOf(c.setup().axes(), b.setup().axes(), label)
                    && io.inferbench.result.LikeConfigurations.alike(c, b)) {
                return b;
            }
        }
        return null;
    }

    /**
     * Each configuration against the first earlier configuration fed the same inputs whose outputs
     * were captured (so fp32 vs int8, or TensorFlow vs ONNX Runtime on a converted model).
     */
    static List<io.inferbench.result.AgreementResult> agreements(RunResult run, java.nio.file.Path dir) {
        List<io.inferbench.result.AgreementResult> out = new ArrayList<>();
        if (dir == null) {
            return out;
        }
        List<ConfigurationResult> done = new ArrayList<>();
        for (ConfigurationResult c : run.configurations()) {
            java.nio.file.Path file = io.inferbench.accuracy.OutputCapture.file(dir, c.id());
            if (c.status() != ConfigurationStatus.OK || !java.nio.file.Files.isRegularFile(file)) {
                continue;
            }
            for (ConfigurationResult ref : done) {
                if (io.inferbench.result.LikeConfigurations.alike(c, ref)) {
                    try {
                        out.addAll(io.inferbench.accuracy.Agreement.compare(c.id(),
                                io.inferbench.accuracy.CapturedOutputs.read(file), ref.id(),
                                io.inferbench.accuracy.CapturedOutputs.read(
                                        io.inferbench.accuracy.OutputCapture.file(dir, ref.id()))));
                    } catch (java.io.IOException e) {
                        // a missing or torn capture only means no agreement figure for this pair
                    }
                    break;
                }
            }
            done.add(c);
        }
        return out;
    }

    static Constraints constraints(io.inferbench.scenario.RecommendSpec want, double percentile) {
        Constraints c = Constraints.none(percentile);
        if (want == null) {
            return c;
        }
        if (want.maxLatency() != null) {
            c = c.withMaxLatencyMs(want.maxLatency().toNanos() / 1e6);
        }
        if (want.minThroughput() != null) {
            c = c.withMinThroughput(want.minThroughput());
        }
        if (want.maxMemoryBytes() != null) {
            c = c.withMaxMemoryBytes(want.maxMemoryBytes());
        }
        return c;
    }




    /** The percentile configurations are ranked on: p90 when every configuration is single-stream (MLPerf), else p99. */
    static double keyPercentile(Scenario scenario) {
        boolean allSingleStream = scenario != null && !scenario.configurations().isEmpty()
                && scenario.configurations().stream().allMatch(c -> c.load() instanceof LoadProfile.SingleStream);
        return allSingleStream ? 90 : 99;
    }
}
