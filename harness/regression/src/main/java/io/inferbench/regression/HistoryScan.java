package io.inferbench.regression;

import io.inferbench.result.GateRecord;
import io.inferbench.result.RunResult;
import java.util.List;
import java.util.Optional;

/**
 * What a history folder holds for tonight's run.
 *
 * @param runs              earlier runs of the same scenario on the same machine fingerprint, oldest first
 * @param environmentChange set when the latest earlier run of the scenario had another fingerprint: tonight
 *                          starts a new series, and this says what changed
 * @param otherMachineRuns  earlier runs of the scenario left out for another fingerprint
 * @param skipped           results that could not be read, one line each (path: reason)
 */
public record HistoryScan(List<RunResult> runs, Optional<GateRecord.EnvironmentChange> environmentChange,
                          int otherMachineRuns, List<String> skipped) {
    public HistoryScan {
        runs = List.copyOf(runs);
        skipped = List.copyOf(skipped);
    }
}
