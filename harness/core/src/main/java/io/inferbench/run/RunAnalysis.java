package io.inferbench.run;

import io.inferbench.compare.Candidate;
import io.inferbench.compare.Comparison;
import io.inferbench.compare.Constraints;
import io.inferbench.compare.Recommender;
import io.inferbench.load.LoadProfile;
import io.inferbench.result.ComparisonResult;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.RecommendationResult;
import io.inferbench.result.RunResult;
import io.inferbench.scenario.Scenario;
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

    static RunResult analyse(RunResult run, Scenario scenario) {
        List<ConfigurationResult> measured = run.configurations().stream()
                .filter(c -> c.status() == ConfigurationStatus.OK && c.measurement() != null
                        && c.measurement().histogram() != null && c.measurement().latency() != null
                        && c.measurement().latency().count() > 0)
                .toList();
        List<ComparisonResult> comparisons = new ArrayList<>();
        RecommendationResult recommendation = null;
        try {
            if (measured.size() >= 2) {
                ConfigurationResult baseline = measured.get(0);
                for (ConfigurationResult c : measured.subList(1, measured.size())) {
                    comparisons.add(Comparison.compare(c, baseline));
                }
            }
            double percentile = keyPercentile(scenario);
            List<Candidate> candidates = run.configurations().stream().map(c -> Candidate.of(c, percentile)).toList();
            if (!candidates.isEmpty()) {
                recommendation = Recommender.recommend(candidates, Constraints.none(percentile));
            }
        } catch (RuntimeException e) {
            recommendation = new RecommendationResult(null, "analysis failed: " + e, "", List.of(), List.of(),
                    List.of());
        }
        return run.withAnalysis(comparisons, recommendation);
    }

    /** The percentile configurations are ranked on: p90 when every configuration is single-stream (MLPerf), else p99. */
    static double keyPercentile(Scenario scenario) {
        boolean allSingleStream = scenario != null && !scenario.configurations().isEmpty()
                && scenario.configurations().stream().allMatch(c -> c.load() instanceof LoadProfile.SingleStream);
        return allSingleStream ? 90 : 99;
    }
}
