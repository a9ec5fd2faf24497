package io.inferbench.cli;

import io.inferbench.report.ReportRenderer;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import io.inferbench.run.BenchmarkRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code inferbench report RESULTS...}: renders reports from result JSON alone; never runs anything. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Renders a self-contained HTML report from each result (a result.json or a run folder). "
                + "Reads results only; runs nothing."})
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RESULTS", arity = "1..*", description = "result.json files or run folders")
    List<Path> results;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "output HTML (one result only; default: report.html beside the result)")
    Path out;

    @Option(names = "--templates", paramLabel = "DIR", description = "render with your own templates")
    Path templates;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (out != null && results.size() > 1) {
            throw new BadInputException("--out takes one result; got " + results.size());
        }
        if (templates != null && !Files.isDirectory(templates)) {
            throw new BadInputException("--templates: not a folder: " + templates);
        }
        ReportRenderer renderer = templates == null ? new ReportRenderer() : ReportRenderer.withTemplates(templates);
        for (Path given : results) {
            Path json = Files.isDirectory(given) ? given.resolve(BenchmarkRunner.RESULT_FILE) : given;
            if (!Files.isRegularFile(json)) {
                throw new BadInputException("no result at " + json);
            }
            RunResult r;
            try {
                r = ResultJson.read(json);
            } catch (IOException e) {
                throw new BadInputException("cannot read " + json + ": " + e.getMessage().lines().findFirst()
                        .orElse(""));
            }
            Path html = out != null ? out : json.resolveSibling("report.html");
            renderer.write(r, html);
            spec.commandLine().getOut().println("report: " + html.toAbsolutePath());
        }
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}
