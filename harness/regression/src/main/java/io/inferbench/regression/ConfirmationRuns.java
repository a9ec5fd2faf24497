package io.inferbench.regression;

import io.inferbench.gate.GateDecision;
import io.inferbench.gate.GateSettings;
import io.inferbench.gate.GateVerdict;
import io.inferbench.gate.MetricKind;
import io.inferbench.gate.Observation;
import io.inferbench.gate.RunObservations;
import io.inferbench.gate.SeriesKey;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.GateRecord;
import io.inferbench.result.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Confirmation reruns: before a suspected regression fails the gate, its configuration is re-run N
 * times in fresh JVMs, interleaved with N reruns of the baseline's configuration (A B B A A B ...,
 * so that a machine drifting during the reruns touches both alike, as Pinpoint and Google
 * Benchmark's random interleaving do). A regression that does not reproduce is "not confirmed" and
 * does not fail the gate.
 *
 * <p>The baseline is re-run from its recorded scenario and model. When its configuration is
 * tonight's own (same scenario text, same model bytes), an A/B comparison could only find the two
 * equal, so the reruns are compared with the series' history instead; likewise when the baseline
 * cannot be re-run (its model gone or changed), which the finding says.
 */
final class ConfirmationRuns {
    private final GateSettings settings;
    private final int times;
    private final Reruns reruns;
    private final Consumer<String> progress;

    ConfirmationRuns(GateSettings settings, int times, Reruns reruns, Consumer<String> progress) {
        if (times < 1) {
            throw new IllegalArgumentException("confirmation needs at least one rerun, got " + times);
        }
        this.settings = settings;
        this.times = times;
        this.reruns = Objects.requireNonNull(reruns, "reruns");
        this.progress = progress;
    }

    /** Re-runs every configuration the decision suspects and says, per suspected series, whether it held. */
    Confirmations confirm(GateDecision decision, RunResult current, List<RunResult> baselineRuns,
                          List<RunObservations> history) {
        Map<String, List<SeriesKey>> suspects = suspects(decision);
        Map<SeriesKey, GateRecord.Confirmation> found = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        suspects.forEach((label, keys) -> {
            try {
                found.putAll(confirm(label, keys, current, baselineRuns, history));
            } catch (Reruns.RerunException e) {
                notes.add("could not confirm " + label + " (the regression stands): " + e.getMessage());
            }
        });
        return new Confirmations(found, notes);
    }

    /**
     * By configuration label (each re-run once for all its suspected metrics): the series to confirm.
     * A common shift is confirmed on the first configuration that measured its metric.
     */
    private static Map<String, List<SeriesKey>> suspects(GateDecision decision) {
        Map<String, List<SeriesKey>> byLabel = new LinkedHashMap<>();
        for (GateVerdict v : decision.regressions()) {
            if (v instanceof GateVerdict.Assessed a) {
                byLabel.computeIfAbsent(a.series().configuration(), k -> new ArrayList<>()).add(a.series());
            } else if (v instanceof GateVerdict.CommonShift s) {
                decision.verdicts().stream().filter(x -> x instanceof GateVerdict.Assessed && x.metric() == s.metric())
                        .findFirst().map(x -> ((GateVerdict.Assessed) x).series().configuration())
                        .ifPresent(label -> byLabel.computeIfAbsent(label, k -> new ArrayList<>())
                                .add(Confirmations.commonShiftKey(s.metric())));
            }
        }
        return byLabel;
    }

    private Map<SeriesKey, GateRecord.Confirmation> confirm(String label, List<SeriesKey> keys, RunResult current,
                                                            List<RunResult> baselineRuns,
                                                            List<RunObservations> history)
            throws Reruns.RerunException {
        Optional<String> notTonight = reruns.cannotRerun(current, label);
        if (notTonight.isPresent()) {
            throw new Reruns.RerunException("tonight's configuration cannot be re-run: " + notTonight.get());
        }
        RunResult baseline = latestWith(baselineRuns, label);
        String whyNotAb = whyNotAb(current, baseline, label);
        List<RunObservations> tonight = new ArrayList<>();
        List<RunObservations> before = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            // A B, B A, A B ...: each side runs first half the time.
            boolean baselineFirst = i % 2 == 0;
            if (whyNotAb == null && baselineFirst) {
                before.add(rerun(baseline, label, "baseline's", i));
            }
            tonight.add(rerun(current, label, "tonight's", i));
            if (whyNotAb == null && !baselineFirst) {
                before.add(rerun(baseline, label, "baseline's", i));
            }
        }
        Map<SeriesKey, GateRecord.Confirmation> out = new LinkedHashMap<>();
        for (SeriesKey key : keys) {
            MetricKind metric = key.metric();
            SeriesKey measured = new SeriesKey(label, metric);
            List<Double> b = values(tonight, measured);
            if (b.isEmpty()) {
                throw new Reruns.RerunException("the reruns did not measure " + metric.label());
            }
            double threshold = settings.threshold(metric);
            out.put(key, whyNotAb == null
                    ? RerunComparison.againstBaselineReruns(metric, threshold, b, values(before, measured))
                    : RerunComparison.againstHistory(metric, threshold, b, historyValues(history, measured), whyNotAb));
        }
        return out;
    }

    /** Why the baseline is not re-run beside tonight's configuration, or null when it is. */
    private String whyNotAb(RunResult current, RunResult baseline, String label) {
        if (baseline == null) {
            return "no earlier run of it to re-run";
        }
        if (sameContent(current, baseline, label)) {
            return "the baseline's configuration is tonight's: same scenario text and model";
        }
        return reruns.cannotRerun(baseline, label).map(why -> "baseline not re-run: " + why).orElse(null);
    }

    private RunObservations rerun(RunResult run, String label, String which, int i) throws Reruns.RerunException {
        progress.accept("confirming " + label + ": " + which + " rerun " + (i + 1) + "/" + times);
        return reruns.rerun(run, label);
    }

    private static boolean sameContent(RunResult a, RunResult b, String label) {
        ConfigurationResult ca = configuration(a, label);
        ConfigurationResult cb = configuration(b, label);
        if (ca == null || cb == null || a.scenario() == null || b.scenario() == null) {
            return false;
        }
        String ma = ca.setup().model() == null ? null : ca.setup().model().sha256();
        String mb = cb.setup().model() == null ? null : cb.setup().model().sha256();
        return Objects.equals(a.scenario().sha256(), b.scenario().sha256()) && Objects.equals(ma, mb);
    }

    private static RunResult latestWith(List<RunResult> runs, String label) {
        for (int i = runs.size() - 1; i >= 0; i--) {
            ConfigurationResult c = configuration(runs.get(i), label);
            if (c != null && c.measurement() != null) {
                return runs.get(i);
            }
        }
        return null;
    }

    private static ConfigurationResult configuration(RunResult run, String label) {
        return run.configurations().stream().filter(c -> c.label().equals(label)).findFirst().orElse(null);
    }

    private List<Double> historyValues(List<RunObservations> history, SeriesKey key) {
        List<Double> all = values(history, key);
        int from = Math.max(0, all.size() - settings.lookback());
        return all.subList(from, all.size());
    }

    private static List<Double> values(List<RunObservations> runs, SeriesKey key) {
        List<Double> out = new ArrayList<>();
        for (RunObservations run : runs) {
            Observation o = run.get(key);
            if (o != null) {
                out.add(o.value());
            }
        }
        return out;
    }
}
