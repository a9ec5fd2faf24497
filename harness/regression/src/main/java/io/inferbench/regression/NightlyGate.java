package io.inferbench.regression;

import io.inferbench.compare.ChangePoints;
import io.inferbench.gate.GateDecision;
import io.inferbench.gate.GateSettings;
import io.inferbench.gate.GateVerdict;
import io.inferbench.gate.RegressionGate;
import io.inferbench.gate.RunObservations;
import io.inferbench.gate.SeriesKey;
import io.inferbench.result.GateRecord;
import io.inferbench.result.MachineFingerprint;
import io.inferbench.result.RunResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The gate on results: tonight's run against its baseline or history, then (when asked) confirmation
 * reruns of what looks like a regression, into the {@link GateRecord} the command writes and the CI
 * formats and the site read.
 */
public final class NightlyGate {
    private final GateSettings settings;
    private final ChangePointScan changePoints;
    private final Clock clock;

    public NightlyGate(GateSettings settings) {
        this(settings, ChangePoints.DEFAULT, Clock.systemUTC());
    }

    NightlyGate(GateSettings settings, ChangePoints changePoints, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.changePoints = new ChangePointScan(changePoints);
        this.clock = clock;
    }

    /** Judges {@code current} without confirmation reruns. */
    public GateRecord judge(RunResult current, GateBaseline baseline) {
        return judge(current, baseline, 0, null, line -> { });
    }

    /**
     * Judges {@code current}; with {@code confirm > 0} each suspected regression is re-run {@code confirm}
     * times (interleaved with its baseline's where that can be re-run) and kept only when it reproduces.
     *
     * @param progress one line per rerun, for long confirmations
     */
    public GateRecord judge(RunResult current, GateBaseline baseline, int confirm, Reruns reruns,
                            java.util.function.Consumer<String> progress) {
        RunObservations tonight = RunMetrics.observe(current);
        List<RunObservations> history = baseline.runs().stream().map(RunMetrics::observe).toList();
        GateDecision decision = new RegressionGate(settings).decide(tonight, history);
        Map<SeriesKey, ChangePointScan.NewSegment> segments = changePoints.scan(tonight, history);
        List<String> notes = new ArrayList<>(baseline.notes());
        segments.forEach((key, s) -> notes.add(key + ": a new level since run " + s.since() + " ("
                + String.format(java.util.Locale.ROOT, "%+.1f%%", 100 * s.relative()) + ", change-point detection)"));
        Confirmations confirmations = confirm > 0 && !decision.passed()
                ? new ConfirmationRuns(settings, confirm, Objects.requireNonNull(reruns, "reruns"), progress)
                        .confirm(decision, current, baseline.runs(), history)
                : Confirmations.NONE;
        notes.addAll(confirmations.notes());
        List<GateRecord.Verdict> verdicts = new ArrayList<>();
        for (GateVerdict v : decision.verdicts()) {
            verdicts.add(GateVerdicts.toRecord(v, settings, segments, confirmations));
        }
        List<GateRecord.Verdict> shifts = decision.commonShifts().stream()
                .map(v -> GateVerdicts.toRecord(v, settings, segments, confirmations)).toList();
        boolean passed = verdicts.stream().noneMatch(v -> v.outcome() == GateRecord.Outcome.REGRESSION)
                && shifts.stream().noneMatch(v -> v.outcome() == GateRecord.Outcome.REGRESSION);
        return new GateRecord(GateRecord.SCHEMA, current.runId(), RunHistory.scenarioName(current),
                MachineFingerprint.of(current).id(), clock.instant(), baseline.description(),
                baseline.runs().stream().map(RunResult::runId).toList(), passed, decision.tests(), decision.alpha(),
                verdicts, shifts, baseline.environmentChange().stream().toList(), notes);
    }
}
