package io.inferbench.cli;

import io.inferbench.regression.GateBaseline;
import io.inferbench.regression.HistoryScan;
import io.inferbench.regression.NightlyGate;
import io.inferbench.regression.RunHistory;
import io.inferbench.result.GateRecord;
import io.inferbench.result.GateRecordJson;
import io.inferbench.result.MachineFingerprint;
import io.inferbench.result.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code inferbench gate CURRENT (--baseline RUN | --history DIR)}: the nightly regression gate.
 * The rule is the gate module's (io.inferbench.gate); this reads the runs, writes the record and the
 * CI files, and turns the verdicts into an exit code.
 */
@Command(name = "gate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Decides whether a run regressed: each configuration's p50, p99, throughput, first accuracy "
                + "metric, peak RSS and energy per inference against its baseline run or its history (every earlier "
                + "run of the same scenario on the same machine fingerprint under --history DIR).",
                "",
                "The rule: a regression needs the change beyond the metric's threshold (5%% for p50, p99 and "
                        + "throughput, 1 point for accuracy, 10%% for peak RSS and energy) AND significance against "
                        + "the between-run noise of that configuration: a Student-t prediction test on its last "
                        + "30 runs (in logarithms), one-sided p-values Holm-adjusted over the night at alpha 0.005, "
                        + "each configuration judged relative to the night's common shift of all configurations "
                        + "(machine drift) when 5 or more have history. With fewer than 3 earlier runs the verdict "
                        + "falls back to within-run statistics (fork medians, else the 95%% intervals) and says so.",
                "",
                "Verdicts: regression, improvement, unchanged, inconclusive (beyond the threshold, within the "
                        + "noise), new, missing, not confirmed (a regression the --confirm reruns did not "
                        + "reproduce). Only a regression fails the gate. A machine fingerprint change (CPU, cores, "
                        + "memory, OS, JVM, backend libraries) starts a new series and is reported, never judged.",
                "",
                "Writes CURRENT's folder gate.json (what the site and 'inferbench export' read); --junit and "
                        + "--markdown are the export command's formats of it. See docs/gate.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no confirmed regression",
                "1:at least one regression (each listed on stderr, one line with its figures)",
                "2:bad input: missing folders, unreadable results, a baseline of another scenario or (without "
                        + "--allow-other-machine) another machine"})
final class GateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CURRENT", description = "the run to judge: its folder or its result.json")
    Path current;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Against against;

    static final class Against {
        @Option(names = "--baseline", paramLabel = "RUN", required = true,
                description = "judge against this one run (folder or result.json)")
        Path baseline;

        @Option(names = "--history", paramLabel = "DIR", required = true,
                description = "judge against every earlier run of the scenario on this machine under DIR "
                        + "(e.g. results)")
        Path history;
    }

    @Option(names = "--confirm", paramLabel = "N", description = "before failing, re-run each suspected "
            + "configuration N times interleaved with its baseline's (A/B/B/A); a regression that does not "
            + "reproduce is 'not confirmed' and does not fail (default: the scenario's gate.confirm, else 0)")
    Integer confirm;

    @Option(names = "--junit", paramLabel = "FILE", description = "also write the verdicts as JUnit XML")
    Path junit;

    @Option(names = "--markdown", paramLabel = "FILE", description = "also write the verdicts as a Markdown "
            + "table (append it to $GITHUB_STEP_SUMMARY for a GitHub job summary)")
    Path markdown;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the gate record (JSON) here")
    Path json;

    @Option(names = "--allow-other-machine", description = "accept a --baseline measured on another machine "
            + "fingerprint; with --history, keep other machines' runs in the series")
    boolean allowOtherMachine;

    @Option(names = "--alpha", paramLabel = "A", description = "family-wise false-alarm rate of one night "
            + "(default 0.005)")
    Double alpha;

    @Option(names = "--lookback", paramLabel = "K", description = "earlier runs a series' noise is estimated "
            + "from (default 30)")
    Integer lookback;

    @Option(names = "--threshold", paramLabel = "METRIC=VALUE", description = "smallest change that counts, "
            + "as in the scenario's gate.thresholds: a percentage (p99=10%%, or p99=10), accuracy in points "
            + "(accuracy=0.5); metrics p50, p99, throughput, accuracy, peak-rss, energy-per-inference; repeatable")
    List<String> thresholds = new ArrayList<>();

    @Option(names = "--no-common-mode", description = "judge each configuration on its own change, without "
            + "the machine-drift correction")
    boolean noCommonMode;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        RunFiles.Located tonight = RunFiles.locate(current, "CURRENT");
        RunResult run = tonight.run();
        GateOptions options = GateOptions.resolve(run, alpha, lookback, thresholds, noCommonMode, confirm);
        GateBaseline baseline = baseline(run);
        NightlyGate gate = new NightlyGate(options.settings());
        GateRecord record = gate.judge(run, baseline, options.confirm(),
                options.confirm() > 0 ? new ScenarioReruns(err) : null, line -> {
                    err.println("gate: " + line);
                    err.flush();
                });
        write(record, tonight.folder().resolve(GateRecordJson.FILE), err);
        if (json != null) {
            GateRecordJson.write(record, json);
        }
        GateFiles.write(run, record, junit, markdown);
        GateConsole.print(record, out, err);
        return record.passed() ? Main.OK : Main.CONFIGURATION_FAILED;
    }

    private GateBaseline baseline(RunResult run) throws BadInputException {
        if (against.baseline != null) {
            RunResult base = RunFiles.locate(against.baseline, "--baseline").run();
            if (!RunFiles.scenario(base).equals(RunFiles.scenario(run))) {
                throw new BadInputException("--baseline " + against.baseline + " is a run of scenario '"
                        + RunFiles.scenario(base) + "', not '" + RunFiles.scenario(run)
                        + "': configurations of different scenarios are not comparable");
            }
            MachineFingerprint a = MachineFingerprint.of(base);
            MachineFingerprint b = MachineFingerprint.of(run);
            if (!a.equals(b) && !allowOtherMachine) {
                throw new BadInputException("--baseline " + against.baseline + " was measured on another machine ("
                        + String.join("; ", b.differencesFrom(a).stream().map(MachineFingerprint.Difference::describe)
                        .toList()) + "); its numbers are not this machine's. Pass --allow-other-machine to compare "
                        + "anyway");
            }
            return GateBaseline.of(base, run);
        }
        try {
            HistoryScan scan = RunHistory.scan(against.history, run, allowOtherMachine);
            return GateBaseline.of(scan, against.history.toString());
        } catch (IOException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /** The record next to the result; a read-only results folder is a warning, not a failed gate. */
    private static void write(GateRecord record, Path file, java.io.PrintWriter err) {
        try {
            GateRecordJson.write(record, file);
        } catch (IOException e) {
            err.println("warning: could not write " + file + ": " + e.getMessage());
        }
    }
}
