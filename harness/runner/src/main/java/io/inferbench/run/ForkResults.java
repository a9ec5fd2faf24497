package io.inferbench.run;

import io.inferbench.result.AccuracyResult;
import io.inferbench.result.ConfigurationOutcome;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.MachineActivity;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.PhasesResult;
import io.inferbench.result.ResourceEstimates;
import io.inferbench.result.ResourcesResult;
import io.inferbench.result.Verdict;
import io.inferbench.stats.ForkStatistics;
import io.inferbench.stats.ResourceStatistics;
import java.util.ArrayList;
import java.util.List;

/** One configuration's result from its forks' results: merged when all succeeded, FAILED otherwise. */
final class ForkResults {
    private ForkResults() {
    }

    /**
     * The forks merged: the first fork's result (setup, session, model load, warmup, timeline, resources)
     * with resource and cold-start intervals across the forks, the measurement of all forks merged ({@link ForkStatistics#merge}), every fork's
     * measurement in {@code forks}, their {@code variation}, and a verdict that is VALID only when
     * every fork's is (reasons prefixed with their fork).
     *
     * @param forks every fork's result, in order, each OK with a measurement
     */
    static ConfigurationResult merge(List<ConfigurationResult> forks) {
        ConfigurationResult first = forks.get(0);
        List<PhaseResult> measured = forks.stream().map(ConfigurationResult::measurement).toList();
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < forks.size(); i++) {
            String prefix = forks.size() == 1 ? "" : "fork " + (i + 1) + ": ";
            Verdict v = forks.get(i).verdict();
            if (v != null) {
                v.reasons().forEach(r -> reasons.add(prefix + r));
            }
        }
        PhasesResult phases = new PhasesResult(first.phases().warmup(), ForkStatistics.merge(measured), measured,
                ForkStatistics.variation(measured), first.phases().peak());
        return new ConfigurationResult(first.setup(), first.session(), new ConfigurationOutcome.Ok(Verdict.of(reasons)),
                phases, resources(forks), accuracy(forks),
                MachineActivity.merge(forks.stream().map(ConfigurationResult::machine).toList()));
    }

    /**
     * The first fork's resources (its utilization timeline and cold start), with every figure's
     * interval taken across the forks when there are several.
     */
    private static ResourcesResult resources(List<ConfigurationResult> forks) {
        ResourcesResult first = forks.get(0).resources();
        if (forks.size() < 2) {
            return first;
        }
        ResourceEstimates across = ResourceStatistics.acrossForks(
                forks.stream().map(f -> f.resources().estimates()).toList());
        return across == null ? first : first.withEstimates(across);
    }

    /** Accuracy is evaluated by one fork only (the first): its results, wherever they are. */
    private static List<AccuracyResult> accuracy(List<ConfigurationResult> forks) {
        return forks.stream().map(ConfigurationResult::accuracy).filter(a -> !a.isEmpty()).findFirst()
                .orElse(List.of());
    }

    /**
     * A configuration that did not complete: what it was, why not, and the measurements of the forks
     * that did finish before it failed.
     */
    static ConfigurationResult failed(PreparedConfiguration pc, ConfigurationStatus status, String reason,
                                      List<PhaseResult> finishedForks) {
        return ConfigurationResults.notMeasured(pc, status, reason, finishedForks);
    }
}
