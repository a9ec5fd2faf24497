package io.inferbench.cli;

import io.inferbench.report.ReportRenderer;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import io.inferbench.run.backends.BackendProbe;
import io.inferbench.run.backends.Backends;
import io.inferbench.run.BenchmarkRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code inferbench run SCENARIO}: validate, run every configuration, write the result and the report.
 * {@code --resume RUN_DIR} finishes an interrupted run in its own folder.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a scenario: checks it, runs every configuration, writes "
                + "OUT/<run-id>/result.json after each configuration and OUT/<run-id>/report.html at the end.",
                "Each configuration runs in a child JVM of its own (class path: the core plus its backend's "
                        + "adapter only); run.forks: N runs it N times, each in a fresh JVM; run.forks: 0 or "
                        + "--in-process runs it in this JVM."})
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SCENARIO", arity = "0..1",
            description = "scenario file (YAML); with --resume, defaults to the one the run recorded")
    Path scenario;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "results",
            description = "folder for run results (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--no-report", description = "write result.json only")
    boolean noReport;

    @Option(names = "--templates", paramLabel = "DIR", description = "render the report with your own templates")
    Path templates;

    @Option(names = "--in-process", description = "run every configuration once in this JVM, ignoring run.forks "
            + "(for debugging: a crash takes the whole run down, and all adapters share this JVM)")
    boolean inProcess;

    @Option(names = "--require-gpu", description = "fail (before measuring anything) when a configuration asks for a "
            + "GPU that is not there, instead of reporting it 'skipped: no GPU found'")
    boolean requireGpu;

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "finish an interrupted run: keep the "
            + "configurations RUN_DIR/result.json already has, run the others, rewrite the result and report "
            + "(in RUN_DIR; --out is not used)")
    Path resume;

    @Option(names = "--shard", paramLabel = "I/N", description = "run only shard I of N of the scenario's "
            + "configurations (configuration k of the expansion order belongs to shard ((k-1) mod N)+1; "
            + "'validate --shard I/N' lists them); the result records the shard for 'inferbench merge'")
    String shard;

    @Option(names = "--max-configurations", paramLabel = "N",
            defaultValue = "" + io.inferbench.scenario.ScenarioLimits.DEFAULT_MAX_CONFIGURATIONS,
            description = "refuse a matrix of more than N configurations, counted before it is expanded "
                    + "(default: ${DEFAULT-VALUE})")
    int maxConfigurations;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var stdout = spec.commandLine().getOut();
        io.inferbench.run.Shard part = Shards.parse(shard);
        RunResult previous = resume == null ? null : previous(resume);
        if (previous != null && previous.shard() != null) {
            io.inferbench.run.Shard recorded = new io.inferbench.run.Shard(previous.shard().index(),
                    previous.shard().count());
            if (part != null && !part.equals(recorded)) {
                throw new BadInputException("--resume: " + resume + " is shard " + recorded.label() + ", not "
                        + part.label());
            }
            part = recorded;
        } else if (previous != null && part != null) {
            throw new BadInputException("--resume: " + resume + " ran the whole scenario, not shard " + part.label());
        }
        Path file = scenarioFile(previous);
        Backends backends = Backends.discover();
        BackendProbe probe = ScenarioLoader.probe(backends, inProcess);
        var loaded = ScenarioLoader.load(file, backends, probe, stdout, spec.commandLine().getErr(),
                MaxConfigurations.check(maxConfigurations));
        if (requireGpu) {
            GpuRequirement.check(loaded.configurations(), probe);
        }
        if (templates != null && !Files.isDirectory(templates)) {
            throw new BadInputException("--templates: not a folder: " + templates);
        }
        if (previous != null && !loaded.scenario().source().equals(previous.scenario().source())) {
            throw new BadInputException("--resume: " + file + " is not the scenario " + resume + " ran (its text "
                    + "differs from the copy in " + resume.resolve(BenchmarkRunner.RESULT_FILE) + "); resuming would "
                    + "mix results of two scenarios. Restore it, or start a new run.");
        }
        List<io.inferbench.run.PreparedConfiguration> chosen = part == null ? loaded.configurations()
                : part.select(loaded.configurations());
        Path runDir = previous != null ? writable(resume) : newRunFolder(loaded.scenario(), part);
        ConsoleProgress progress = new ConsoleProgress(stdout, System.console() != null);
        progress.println("inferbench: " + loaded.scenario().name() + " — " + chosen.size()
                + " configurations" + (part == null ? "" : " (shard " + part.label() + " of "
                + loaded.configurations().size() + ")") + " → " + runDir);
        progress.println("planned: " + io.inferbench.run.RunPlan.of(chosen.stream()
                .map(io.inferbench.run.PreparedConfiguration::spec).toList()).describe());
        BenchmarkRunner runner = new BenchmarkRunner(backends.byName(), ScenarioLoader.projectDir())
                .inProcess(inProcess).withAdapterClasspaths(backends.adapterClasspaths()).withProbe(probe);
        RunResult result;
        if (previous == null) {
            result = runner.run(loaded.scenario(), chosen, runDir, progress, part, loaded.configurations().size());
        } else {
            int done = BenchmarkRunner.completed(previous, chosen).size();
            progress.println("resuming: " + done + " of " + chosen.size() + " configurations already done");
            result = runner.resume(previous, loaded.scenario(), chosen, runDir, progress);
        }
        for (var d : result.summary().accuracyDrops()) {
            progress.println("accuracy " + d.candidateId() + " " + d.task() + ": "
                    + io.inferbench.result.AccuracyText.drop(d));
        }
        var recommendation = result.summary().recommendation();
        if (recommendation != null && recommendation.bestId() != null) {
            progress.println("recommended: " + recommendation.bestId() + " — " + recommendation.reason());
        }
        progress.println("result: " + runDir.resolve(BenchmarkRunner.RESULT_FILE));
        if (!noReport) {
            Path html = runDir.resolve("report.html");
            try {
                (templates == null ? new ReportRenderer() : ReportRenderer.withTemplates(templates)).write(result, html);
            } catch (IOException e) {
                progress.println("inferbench: could not write " + html + " (" + String.valueOf(e.getMessage()).lines()
                        .findFirst().orElse("") + "); the result is complete in " + runDir.resolve(
                        BenchmarkRunner.RESULT_FILE) + ": render it later with inferbench report " + runDir);
                return Main.CONFIGURATION_FAILED;
            }
            progress.println("report: " + html.toAbsolutePath());
        }
        if (requireGpu) {
            List<ConfigurationResult> noGpu = GpuRequirement.skippedForNoGpu(result);
            if (!noGpu.isEmpty()) {
                progress.println("--require-gpu: " + noGpu.size() + " GPU configuration"
                        + (noGpu.size() == 1 ? " was" : "s were") + " skipped for want of a GPU:");
                noGpu.forEach(c -> progress.println("  " + c.id() + " " + c.label() + ": " + c.outcome().reason()));
                return Main.CONFIGURATION_FAILED;
            }
        }
        long failed = result.configurations().stream().filter(c -> c.status() == ConfigurationStatus.FAILED).count();
        if (failed > 0) {
            progress.println(failed + " configuration" + (failed == 1 ? "" : "s") + " failed:");
            for (ConfigurationResult c : result.configurations()) {
                if (c.status() == ConfigurationStatus.FAILED) {
                    progress.println("  " + c.label() + ": " + c.outcome().reason());
                }
            }
            return Main.CONFIGURATION_FAILED;
        }
        List<String> failedTasks = failedAccuracyTasks(result);
        if (!failedTasks.isEmpty()) {
            progress.println(failedTasks.size() + " accuracy task" + (failedTasks.size() == 1 ? "" : "s")
                    + " failed:");
            failedTasks.forEach(t -> progress.println("  " + t));
            return Main.CONFIGURATION_FAILED;
        }
        return Main.OK;
    }

    /** {@code c01 label, task spam: why}, for each accuracy task that failed (not skipped) in a measured configuration. */
    private static List<String> failedAccuracyTasks(RunResult result) {
        List<String> out = new java.util.ArrayList<>();
        for (ConfigurationResult c : result.configurations()) {
            for (var a : c.accuracy()) {
                if (a.status() == io.inferbench.result.AccuracyResult.Status.FAILED) {
                    out.add(c.id() + " " + c.label() + ", task " + a.task() + ": " + a.note());
                }
            }
        }
        return out;
    }

    /** A new run's folder under --out, created now (atomically; another id when the first is taken). */
    private Path newRunFolder(io.inferbench.scenario.Scenario scenario, io.inferbench.run.Shard part)
            throws BadInputException {
        try {
            return io.inferbench.run.RunFolders.create(out, BenchmarkRunner.runId(scenario, Instant.now()),
                    part == null ? "" : part.runIdSuffix());
        } catch (IOException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /** The resumed run's folder, when this run can write into it. */
    private static Path writable(Path runDir) throws BadInputException {
        if (!Files.isWritable(runDir)) {
            throw new BadInputException("--resume: cannot write into " + runDir);
        }
        return runDir;
    }

    /** SCENARIO, else the file the resumed run recorded. */
    private Path scenarioFile(RunResult previous) throws BadInputException {
        if (scenario != null) {
            return scenario;
        }
        if (previous == null) {
            throw new BadInputException("missing SCENARIO (or --resume RUN_DIR)");
        }
        Path recorded = Path.of(previous.scenario().file());
        if (!Files.isRegularFile(recorded)) {
            throw new BadInputException("--resume: the run's scenario " + recorded + " is not there (paths are "
                    + "relative to where the run started); pass it: inferbench run SCENARIO --resume " + resume);
        }
        return recorded;
    }

    /** The interrupted run's result, read to resume it. */
    private static RunResult previous(Path runDir) throws BadInputException {
        Path json = runDir.resolve(BenchmarkRunner.RESULT_FILE);
        if (!Files.isRegularFile(json)) {
            throw new BadInputException("--resume: no " + BenchmarkRunner.RESULT_FILE + " in " + runDir);
        }
        try {
            return ResultJson.read(json);
        } catch (IOException e) {
            throw new BadInputException("--resume: cannot read " + json + ": " + e.getMessage());
        }
    }
}
