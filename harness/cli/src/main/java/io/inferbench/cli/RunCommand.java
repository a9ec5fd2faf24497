package io.inferbench.cli;

import io.inferbench.report.ReportRenderer;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.RunResult;
import io.inferbench.run.Backends;
import io.inferbench.run.BenchmarkRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code inferbench run SCENARIO}: validate, run every configuration, write the result and the report. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a scenario: checks it, runs every configuration, writes "
                + "OUT/<run-id>/result.json after each configuration and OUT/<run-id>/report.html at the end."})
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SCENARIO", description = "scenario file (YAML)")
    Path scenario;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "results",
            description = "folder for run results (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--no-report", description = "write result.json only")
    boolean noReport;

    @Option(names = "--templates", paramLabel = "DIR", description = "render the report with your own templates")
    Path templates;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var stdout = spec.commandLine().getOut();
        Backends backends = Backends.discover();
        var loaded = ScenarioLoader.load(scenario, backends, spec.commandLine().getErr());
        if (templates != null && !Files.isDirectory(templates)) {
            throw new BadInputException("--templates: not a folder: " + templates);
        }
        Path runDir = out.resolve(BenchmarkRunner.runId(loaded.scenario(), Instant.now()));
        ConsoleProgress progress = new ConsoleProgress(stdout, System.console() != null);
        progress.println("inferbench: " + loaded.scenario().name() + " — " + loaded.configurations().size()
                + " configurations → " + runDir);
        RunResult result = new BenchmarkRunner(backends.byName(), ScenarioLoader.projectDir())
                .run(loaded.scenario(), loaded.configurations(), runDir, progress);
        progress.println("result: " + runDir.resolve(BenchmarkRunner.RESULT_FILE));
        if (!noReport) {
            Path html = runDir.resolve("report.html");
            (templates == null ? new ReportRenderer() : ReportRenderer.withTemplates(templates)).write(result, html);
            progress.println("report: " + html.toAbsolutePath());
        }
        long failed = result.configurations().stream().filter(c -> c.status() == ConfigurationStatus.FAILED).count();
        if (failed > 0) {
            progress.println(failed + " configuration" + (failed == 1 ? "" : "s") + " failed:");
            for (ConfigurationResult c : result.configurations()) {
                if (c.status() == ConfigurationStatus.FAILED) {
                    progress.println("  " + c.label() + ": " + c.error());
                }
            }
            return Main.CONFIGURATION_FAILED;
        }
        return Main.OK;
    }
}
