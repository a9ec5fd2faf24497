package io.inferbench.cli;

import io.inferbench.report.ReportRenderer;
import io.inferbench.report.SiteBuilder;
import io.inferbench.report.SiteInput;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import io.inferbench.run.BenchmarkRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code inferbench report RESULTS...}: renders reports from result JSON alone; never runs anything. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Renders a self-contained HTML report from each result (a result.json or a run folder). "
                + "Reads results only; runs nothing.",
                "With --site DIR: builds a static site from every result found (files, run folders, or folders "
                + "of run folders such as results/): an index of runs with the gate's outcome (gate.json beside "
                + "a result), each run's report with its gate verdicts, comparisons with the previous run, and "
                + "each scenario's history per metric (p50, p99, throughput, accuracy) with detected changes and "
                + "machine changes. Into a DIR that holds a site, only new or changed results are read and their "
                + "pages rendered; pages of results no longer given are removed."})
final class ReportCommand implements Callable<Integer> {
    private static final int SEARCH_DEPTH = 3;
    @Parameters(paramLabel = "RESULTS", arity = "1..*", description = "result.json files or run folders")
    List<Path> results;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "output HTML (one result only; default: report.html beside the result)")
    Path out;

    @Option(names = "--templates", paramLabel = "DIR", description = "render with your own templates")
    Path templates;

    @Option(names = "--site", paramLabel = "DIR",
            description = "build a static report site from all RESULTS into DIR (RESULTS may be folders of runs); "
                    + "an unreadable result is skipped and named on stderr, the site built from the others, and "
                    + "the command exits 1")
    Path site;

    @Option(names = "--ignore-unreadable", description = "with --site: exit 0 even when results were skipped as "
            + "unreadable (they are still named on stderr)")
    boolean ignoreUnreadable;

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
        if (site != null) {
            return buildSite(renderer);
        }
        for (Path given : results) {
            Path json = Files.isDirectory(given) ? given.resolve(BenchmarkRunner.RESULT_FILE) : given;
            if (!Files.isRegularFile(json)) {
                throw new BadInputException("no result at " + json);
            }
            RunResult r = read(json);
            Path html = out != null ? out : json.resolveSibling("report.html");
            try {
                renderer.write(r, html);
            } catch (io.inferbench.load.CorruptHistogramException e) {
                throw new BadInputException(json + ": " + e.getMessage());
            }
            spec.commandLine().getOut().println("report: " + html.toAbsolutePath());
        }
        spec.commandLine().getOut().flush();
        return Main.OK;
    }

    private Integer buildSite(ReportRenderer renderer) throws IOException, BadInputException {
        if (out != null) {
            throw new BadInputException("--out and --site do not go together: the site's pages are named by run");
        }
        List<Path> files = new ArrayList<>();
        for (Path given : results) {
            files.addAll(resultFiles(given));
        }
        long start = System.nanoTime();
        List<SiteInput> inputs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path f : files) {
            try {
                inputs.add(SiteInput.read(f)); // digests only: the builder parses what it needs
            } catch (IOException e) {
                skipped.add("cannot read " + f + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            }
        }
        SiteBuilder.Site built;
        try {
            built = new SiteBuilder(renderer).buildFrom(inputs, site);
        } catch (SiteInput.UnreadableResultException e) {
            throw new BadInputException(String.valueOf(e.getMessage()).lines().findFirst().orElse("unreadable result"));
        }
        built.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        skipped.addAll(built.skipped());
        skipped.forEach(w -> spec.commandLine().getErr().println("skipped: " + w));
        spec.commandLine().getErr().flush();
        spec.commandLine().getOut().printf(Locale.ROOT, "site: %d runs, %d scenarios, %d comparisons in %.1f s "
                        + "(%d results read, %d pages rendered, %d unchanged, %d removed): %s%n", built.runs(),
                built.scenarios(), built.comparisons(), (System.nanoTime() - start) / 1e9, built.parsed(),
                built.rendered().size(), built.reused(), built.removed(), built.index().toAbsolutePath());
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().flush();
        // Built from the good ones; the skipped ones fail the command unless the caller accepts them.
        return skipped.isEmpty() || ignoreUnreadable ? Main.OK : Main.CONFIGURATION_FAILED;
    }

    /**
     * The result files under {@code given}: the file itself, a run folder's result.json, or every
     * result.json up to {@value #SEARCH_DEPTH} folders down (e.g. {@code results/<run>/result.json}).
     */
    private static List<Path> resultFiles(Path given) throws IOException, BadInputException {
        if (Files.isRegularFile(given)) {
            return List.of(given);
        }
        if (!Files.isDirectory(given)) {
            throw new BadInputException("no result at " + given);
        }
        if (Files.isRegularFile(given.resolve(BenchmarkRunner.RESULT_FILE))) {
            return List.of(given.resolve(BenchmarkRunner.RESULT_FILE));
        }
        List<Path> found;
        try (Stream<Path> walk = Files.walk(given, SEARCH_DEPTH)) {
            found = walk.filter(p -> p.getFileName().toString().equals(BenchmarkRunner.RESULT_FILE))
                    .filter(Files::isRegularFile).sorted().toList();
        }
        if (found.isEmpty()) {
            throw new BadInputException("no " + BenchmarkRunner.RESULT_FILE + " in " + given + " or the "
                    + SEARCH_DEPTH + " folder levels below it");
        }
        return found;
    }

    private static RunResult read(Path json) throws BadInputException {
        try {
            return ResultJson.read(json);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + json + ": " + String.valueOf(e.getMessage()).lines()
                    .findFirst().orElse(""));
        }
    }
}
