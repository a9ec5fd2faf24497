package io.inferbench.regression;

import io.inferbench.result.GateRecord;
import io.inferbench.result.RunResult;
import java.util.List;
import java.util.Optional;

/**
 * What tonight's run is judged against: one baseline run, or the history a results folder holds.
 *
 * @param description       for people: {@code history: 12 earlier runs under results} or
 *                          {@code baseline: 20261203-020000-nightly}
 * @param runs              the earlier runs, oldest first (one for a baseline)
 * @param environmentChange an environment change tonight starts a new series at, when there is one
 * @param notes             what the reader should know about how the runs were chosen
 */
public record GateBaseline(String description, List<RunResult> runs,
                           Optional<GateRecord.EnvironmentChange> environmentChange, List<String> notes) {
    public GateBaseline {
        runs = List.copyOf(runs);
        notes = List.copyOf(notes);
    }

    /** One baseline run. */
    public static GateBaseline of(RunResult baseline, RunResult current) {
        return new GateBaseline("baseline: " + baseline.runId(), List.of(baseline),
                RunHistory.environmentChange(baseline, current), List.of());
    }

    /** A history folder's runs. */
    public static GateBaseline of(HistoryScan scan, String dir) {
        List<String> notes = new java.util.ArrayList<>();
        if (scan.otherMachineRuns() > 0) {
            notes.add(scan.otherMachineRuns() + " earlier run(s) of this scenario on another machine fingerprint"
                    + " left out (their series are not this machine's)");
        }
        scan.skipped().forEach(s -> notes.add("skipped unreadable result " + s));
        return new GateBaseline("history: " + scan.runs().size() + " earlier run(s) under " + dir, scan.runs(),
                scan.environmentChange(), notes);
    }
}
