package io.inferbench.cli;

import io.inferbench.export.ExportFormat;
import io.inferbench.export.Exporter;
import io.inferbench.result.GateRecord;
import io.inferbench.result.GateRecordJson;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import io.inferbench.run.BenchmarkRunner;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code inferbench export RESULT --format F}: a result (and its gate's verdicts) in a format CI systems read. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes a result (a result.json or a run folder) in a format CI systems read; runs nothing.",
                "Formats: junit (Jenkins, GitLab: one testcase per configuration and metric, gate regressions as "
                + "failures), markdown (a GitHub step summary), github-benchmark (github-action-benchmark's "
                + "customSmallerIsBetter: latency, memory, energy), github-benchmark-bigger (its customBiggerIsBetter: "
                + "throughput, accuracy), bmf (Bencher), jmh (JMH's JSON), csv, openmetrics.",
                "The gate's verdicts come from the run folder's gate.json when it has one, or from --gate FILE."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:bad input (no result, an unreadable result or gate record, an unknown format)"})
final class ExportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RESULT", description = "a result.json or a run folder")
    Path result;

    @Option(names = {"-f", "--format"}, required = true, paramLabel = "F",
            description = "junit, markdown, github-benchmark, github-benchmark-bigger, bmf, jmh, csv or openmetrics")
    String format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "write here (atomically) instead of to stdout")
    Path out;

    @Option(names = "--gate", paramLabel = "FILE",
            description = "the gate record (gate.json) to take verdicts from; default: the run folder's, when present")
    Path gate;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ExportFormat f;
        try {
            f = ExportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--format: " + e.getMessage());
        }
        Path json = Files.isDirectory(result) ? result.resolve(BenchmarkRunner.RESULT_FILE) : result;
        if (!Files.isRegularFile(json)) {
            throw new BadInputException("no result at " + json);
        }
        RunResult run = readResult(json);
        Optional<GateRecord> verdicts = gateRecord(json);
        StringWriter text = new StringWriter();
        try {
            Exporter.write(f, run, verdicts, text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--gate: " + e.getMessage());
        }
        if (out == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            ResultJson.writeAtomically(out, text.toString().getBytes(StandardCharsets.UTF_8));
            spec.commandLine().getOut().println("export: " + f.name() + " written to " + out.toAbsolutePath());
            spec.commandLine().getOut().flush();
        }
        return Main.OK;
    }

    /** {@code --gate FILE}, else the gate.json beside the result when there is one. */
    private Optional<GateRecord> gateRecord(Path json) throws BadInputException {
        Path file = gate;
        if (file == null) {
            Path beside = json.toAbsolutePath().resolveSibling(GateRecordJson.FILE);
            if (!Files.isRegularFile(beside)) {
                return Optional.empty();
            }
            file = beside;
        } else if (!Files.isRegularFile(file)) {
            throw new BadInputException("--gate: no gate record at " + file);
        }
        try {
            return Optional.of(GateRecordJson.read(file));
        } catch (IOException e) {
            throw new BadInputException("cannot read the gate record " + file + ": " + firstLine(e.getMessage()));
        }
    }

    private static RunResult readResult(Path json) throws BadInputException {
        try {
            return ResultJson.read(json);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + json + ": " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        return String.valueOf(message).lines().findFirst().orElse("");
    }
}
