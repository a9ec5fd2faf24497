package io.inferbench.gate;

import io.inferbench.stats.Holm;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides a night: every series of tonight's run against its history, one verdict each (see the
 * package documentation for the rule and its reasoning). Stateless apart from its settings;
 * thread-safe.
 */
public final class RegressionGate {
    private final GateSettings settings;

    public RegressionGate(GateSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public GateSettings settings() {
        return settings;
    }

    /**
     * @param current tonight's run
     * @param history earlier runs of the same scenario on the same machine, oldest first (any number;
     *                only the latest {@link GateSettings#lookback()} are used)
     */
    public GateDecision decide(RunObservations current, List<RunObservations> history) {
        HistoryWindow window = new HistoryWindow(history, settings.lookback());
        Map<SeriesKey, Evidence> evidence = new LinkedHashMap<>();
        Map<SeriesKey, Double> baselines = new LinkedHashMap<>();
        current.observations().forEach((key, observation) -> {
            int runs = window.count(key);
            if (runs >= settings.minHistoryRuns()) {
                baselines.put(key, key.metric().scale().untransform(window.mean(key)));
                evidence.put(key, PredictionTest.of(window.scaled(key), scaled(key, observation), Method.HISTORY));
            } else if (runs > 0) {
                Observation latest = window.latest(key).orElseThrow();
                baselines.put(key, latest.value());
                evidence.put(key, WithinRunTest.of(key.metric().scale(), observation, latest, runs));
            }
        });
        Map<MetricKind, CommonMode.Estimate> common = settings.commonModeCorrection()
                ? correctForCommonMode(evidence, window, current) : Map.of();
        return verdicts(current, window, evidence, baselines, common);
    }

    /** Replaces the history evidence of each metric with enough configurations by residual evidence. */
    private Map<MetricKind, CommonMode.Estimate> correctForCommonMode(Map<SeriesKey, Evidence> evidence,
                                                                      HistoryWindow window, RunObservations current) {
        Map<MetricKind, List<SeriesKey>> byMetric = new EnumMap<>(MetricKind.class);
        evidence.forEach((key, e) -> {
            if (e.method() == Method.HISTORY) {
                byMetric.computeIfAbsent(key.metric(), k -> new ArrayList<>()).add(key);
            }
        });
        Map<MetricKind, CommonMode.Estimate> estimates = new EnumMap<>(MetricKind.class);
        byMetric.forEach((metric, keys) -> {
            if (keys.size() >= settings.minCommonModeConfigurations()) {
                CommonMode.Estimate estimate = CommonMode.estimate(keys, window, current);
                evidence.putAll(estimate.residuals());
                estimates.put(metric, estimate);
            }
        });
        return estimates;
    }

    private GateDecision verdicts(RunObservations current, HistoryWindow window, Map<SeriesKey, Evidence> evidence,
                                  Map<SeriesKey, Double> baselines, Map<MetricKind, CommonMode.Estimate> common) {
        StudentT t = new StudentT();
        // The night's family: every testable series and common shift, in one Holm correction.
        List<Evidence> family = new ArrayList<>();
        evidence.values().stream().filter(Evidence::testable).forEach(family::add);
        common.values().forEach(estimate -> family.add(estimate.shift()));
        double[] adjusted = Holm.adjust(family.stream().mapToDouble(e -> e.pValue(t)).toArray());
        // By identity: two series may hold equal evidence records, each needs its own entry.
        Map<Evidence, Double> adjustedOf = new IdentityHashMap<>();
        for (int i = 0; i < family.size(); i++) {
            adjustedOf.put(family.get(i), adjusted[i]);
        }
        VerdictRule rule = new VerdictRule(settings, t, family.size());

        List<GateVerdict> verdicts = new ArrayList<>();
        current.observations().forEach((key, observation) -> {
            Evidence e = evidence.get(key);
            if (e == null) {
                verdicts.add(new GateVerdict.New(key, observation.value()));
                return;
            }
            double p = adjustedOf.getOrDefault(e, 1.0);
            double baseline = baselines.get(key);
            ChangeScale scale = key.metric().scale();
            double observed = scale.change(scale.transform(observation.value()) - scale.transform(baseline));
            verdicts.add(new GateVerdict.Assessed(key, rule.outcome(key.metric(), e, p), baseline, observation.value(),
                    observed, rule.figures(key.metric(), e, p)));
        });
        for (SeriesKey key : window.keys()) {
            if (current.get(key) == null) {
                verdicts.add(new GateVerdict.Missing(key, window.latest(key).orElseThrow().value(), window.count(key)));
            }
        }
        List<GateVerdict.CommonShift> shifts = new ArrayList<>();
        common.forEach((metric, estimate) -> {
            Evidence e = estimate.shift();
            double p = adjustedOf.get(e);
            shifts.add(new GateVerdict.CommonShift(metric, rule.outcome(metric, e, p), estimate.configurations(),
                    rule.figures(metric, e, p)));
        });
        return new GateDecision(verdicts, shifts, family.size(), settings.alpha());
    }

    private static double scaled(SeriesKey key, Observation observation) {
        return key.metric().scale().transform(observation.value());
    }
}
