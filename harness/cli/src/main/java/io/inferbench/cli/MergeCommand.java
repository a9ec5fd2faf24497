package io.inferbench.cli;

import io.inferbench.merge.MergeException;
import io.inferbench.merge.MergeInput;
import io.inferbench.merge.ShardMerge;
import io.inferbench.report.ReportRenderer;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import io.inferbench.run.BenchmarkRunner;
import io.inferbench.run.backends.Backends;
import io.inferbench.scenario.Scenario;
import io.inferbench.scenario.ScenarioException;
import io.inferbench.scenario.ScenarioParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code inferbench merge RUN... --out DIR}: one result from a scenario's shards. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Merges the shards of a scenario ('run --shard I/N' on several machines) into one result and "
                + "report, as if one machine had run every configuration: comparisons, recommendation and accuracy "
                + "drops are computed after the merge, over all configurations.",
                "Refuses (exit 2, with the reason) shards of different scenario texts or splits, a shard or "
                        + "configuration given twice, and missing shards unless --allow-partial.",
                "With --repeats-as-forks, runs of the same configuration merge as its forks when their machine "
                        + "fingerprints match (histograms added: percentiles over every query); on different "
                        + "machines each machine's figures stay a configuration of their own."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:merged", "2:bad input: unreadable results, or runs that do not make one result"})
final class MergeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN", arity = "1..*", description = "the shards' run folders or result.json files")
    List<Path> runs;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "results",
            description = "folder the merged run's folder is created in (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--allow-partial", description = "merge even when shards are missing (the result says which)")
    boolean allowPartial;

    @Option(names = "--repeats-as-forks", description = "merge repeated runs of a configuration as its forks")
    boolean repeatsAsForks;

    @Option(names = "--no-report", description = "write result.json only")
    boolean noReport;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        List<MergeInput> inputs = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        for (Path given : runs) {
            RunFiles.Located located = RunFiles.locate(given, "RUN " + given);
            inputs.add(new MergeInput(given.toString(), located.run()));
            folders.add(located.folder());
        }
        ShardMerge.Merged merged;
        try {
            merged = ShardMerge.merge(inputs, new ShardMerge.Options(allowPartial, repeatsAsForks));
        } catch (MergeException e) {
            throw new BadInputException("merge: " + e.getMessage());
        }
        RunResult result = merged.result();
        Path runDir = out.resolve(result.runId());
        if (Files.exists(runDir.resolve(BenchmarkRunner.RESULT_FILE))) {
            throw new BadInputException("merge: " + runDir + " already holds a result; remove it or merge into "
                    + "another --out");
        }
        Path outputs = runDir.resolve("outputs");
        copyOutputs(inputs, folders, result, outputs);
        result = BenchmarkRunner.analyse(result, scenario(result, spec.commandLine().getErr()), outputs);
        ResultJson.write(result, runDir.resolve(BenchmarkRunner.RESULT_FILE));
        merged.notes().forEach(n -> stdout.println("note: " + n));
        long queries = result.configurations().stream().filter(c -> c.measurement() != null)
                .mapToLong(c -> c.measurement().queries()).sum();
        stdout.println("merged " + inputs.size() + " run(s): " + result.configurations().size() + " configurations, "
                + queries + " measured queries");
        stdout.println("result: " + runDir.resolve(BenchmarkRunner.RESULT_FILE));
        if (!noReport) {
            Path html = runDir.resolve("report.html");
            new ReportRenderer().write(result, html);
            stdout.println("report: " + html.toAbsolutePath());
        }
        stdout.flush();
        return Main.OK;
    }

    /**
     * The scenario as the shards recorded it, for the analysis's settings (baseline, recommend,
     * accuracy reference); without it (a backend not installed here) the analysis uses its defaults.
     */
    private static Scenario scenario(RunResult run, PrintWriter err) {
        if (run.scenario() == null || run.scenario().source() == null) {
            return null;
        }
        Path file = Path.of(run.scenario().file());
        try {
            // The shards' runs were bounded when they ran (perhaps with --max-configurations raised).
            return new ScenarioParser(Backends.discover().byName()).withMaxConfigurations(Integer.MAX_VALUE)
                    .parse(file, file.toAbsolutePath().getParent(), run.scenario().source());
        } catch (ScenarioException | RuntimeException e) {
            err.println("warning: the shards' scenario does not parse here (" + String.valueOf(e.getMessage()).lines()
                    .findFirst().orElse("") + "); comparisons and the recommendation use their defaults");
            return null;
        }
    }

    /** Each configuration's captured outputs, from the shard that measured it, for the agreement analysis. */
    private static void copyOutputs(List<MergeInput> inputs, List<Path> folders, RunResult merged, Path outputs)
            throws IOException {
        for (int i = 0; i < inputs.size(); i++) {
            Path source = folders.get(i).resolve("outputs");
            if (!Files.isDirectory(source)) {
                continue;
            }
            for (ConfigurationResult c : inputs.get(i).run().configurations()) {
                // Captured outputs are one file per configuration (accuracy's OutputCapture: <id>.bin).
                Path from = source.resolve(c.id() + ".bin");
                if (Files.isRegularFile(from) && merged.configurations().stream().anyMatch(m -> m.id().equals(c.id()))) {
                    Files.createDirectories(outputs);
                    Files.copy(from, outputs.resolve(from.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
