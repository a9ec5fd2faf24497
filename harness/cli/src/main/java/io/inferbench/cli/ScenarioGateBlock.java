package io.inferbench.cli;

import io.inferbench.gate.GateSettings;
import io.inferbench.result.RunResult;

/** The judged run's scenario {@code gate:} block, as its recorded scenario text has it. */
final class ScenarioGateBlock {
    private static final ScenarioGateBlock NONE = new ScenarioGateBlock();

    private ScenarioGateBlock() {
    }

    static ScenarioGateBlock of(RunResult run) throws BadInputException {
        return NONE;
    }

    GateSettings apply(GateSettings defaults) {
        return defaults;
    }

    int confirm() {
        return 0;
    }
}
