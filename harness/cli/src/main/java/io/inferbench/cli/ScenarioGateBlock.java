package io.inferbench.cli;

import io.inferbench.gate.GateSettings;
import io.inferbench.regression.MetricNames;
import io.inferbench.result.RunResult;
import io.inferbench.scenario.GateSpec;
import io.inferbench.scenario.ScenarioException;

/**
 * The judged run's scenario {@code gate:} block, read from the scenario text the run recorded (so
 * the settings are the ones that run was made with, whatever the file says today).
 */
final class ScenarioGateBlock {
    private final GateSpec spec;

    private ScenarioGateBlock(GateSpec spec) {
        this.spec = spec;
    }

    static ScenarioGateBlock of(RunResult run) throws BadInputException {
        if (run.scenario() == null || run.scenario().source() == null) {
            return new ScenarioGateBlock(GateSpec.NONE);
        }
        String file = run.scenario().file() == null ? "scenario" : run.scenario().file();
        try {
            return new ScenarioGateBlock(GateSpec.fromScenarioSource(run.scenario().source(), file + " (as recorded "
                    + "by run " + run.runId() + ")"));
        } catch (ScenarioException e) {
            throw new BadInputException("gate: block: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** {@code defaults} with what the block sets. */
    GateSettings apply(GateSettings defaults) throws BadInputException {
        GateSettings s = defaults;
        try {
            if (spec.alpha() != null) {
                s = s.withAlpha(spec.alpha());
            }
            if (spec.lookback() != null || spec.minHistory() != null) {
                s = s.withHistory(spec.lookback() != null ? spec.lookback() : s.lookback(),
                        spec.minHistory() != null ? spec.minHistory() : s.minHistoryRuns());
            }
            for (var e : spec.thresholds().entrySet()) {
                s = s.withThreshold(MetricNames.parse(e.getKey()), e.getValue());
            }
            if (spec.commonMode() != null) {
                s = s.withCommonModeCorrection(spec.commonMode());
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException("gate: block: " + e.getMessage());
        }
        return s;
    }

    int confirm() {
        return spec.confirm() == null ? 0 : spec.confirm();
    }
}
