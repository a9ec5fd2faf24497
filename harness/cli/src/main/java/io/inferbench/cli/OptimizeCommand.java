package io.inferbench.cli;

import io.inferbench.api.optimize.ActivationSampler;
import io.inferbench.api.optimize.GraphOptimizer;
import io.inferbench.api.optimize.OptimizationStep.GraphOptimize;
import io.inferbench.api.optimize.StepReport;
import io.inferbench.run.ChildProbe;
import io.inferbench.run.OptimizationRuntimes;
import io.inferbench.run.backends.BackendProbe;
import io.inferbench.run.backends.Backends;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code inferbench optimize MODEL [--quantize dynamic-int8 | static-int8 --calibration FILE] [--fp16]
 * [--prune SPARSITY] [--graph-optimize LEVEL] -o OUT}: the optimization steps without a benchmark. Prints each
 * step's size before and after, the nodes changed and each node left alone with the reason. The optimizer runs in
 * a class loader of its own ({@link OptimizerLoader}); static int8's calibration runs and graph-optimize run on ONNX
 * Runtime ({@link OptimizationRuntimes}, in a child JVM when adapters live in folders).
 */
@Command(name = "optimize", mixinStandardHelpOptions = true,
        description = {"Applies optimization steps to an ONNX model and writes the result: prune first, then "
                + "quantize (dynamic int8, as ONNX Runtime's quantize_dynamic; static int8 as QDQ, calibrated on "
                + "--calibration's samples) or fp16 (as onnxconverter-common), then ONNX Runtime's graph "
                + "optimizations saved offline (--graph-optimize). Prints the sizes, the nodes changed and each node "
                + "left alone with the reason."})
final class OptimizeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "the ONNX model to optimize")
    Path model;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "the .onnx file to write")
    Path out;

    @Option(names = "--quantize", paramLabel = "MODE", description = "dynamic-int8 or static-int8 (needs"
            + " --calibration)")
    String quantize;

    @Option(names = "--calibration", paramLabel = "FILE", description = "static int8's calibration samples: a data"
            + " file of the model's inputs (.jsonl, .npy or .npz, as inputs.data takes them)")
    Path calibration;

    @Option(names = "--calibration-samples", paramLabel = "N", defaultValue = "100",
            description = "at most this many calibration samples (default 100)")
    int calibrationSamples;

    @Option(names = "--calibration-method", paramLabel = "METHOD", defaultValue = "minmax",
            description = "minmax (default), percentile or entropy")
    String calibrationMethod;

    @Option(names = "--graph-optimize", paramLabel = "LEVEL", description = "last, ONNX Runtime's basic, extended"
            + " or all optimizations, saved offline")
    String graphOptimize;

    @Option(names = "--weight-type", paramLabel = "TYPE", defaultValue = "int8",
            description = "quantized weights: int8 (symmetric, the default) or uint8 (asymmetric; quantizes Conv too)")
    String weightType;

    @Option(names = "--per-channel", description = "one weight scale per output channel (default: per tensor)")
    boolean perChannel;

    @Option(names = "--fp16", description = "float16 weights and compute, float32 inputs and outputs")
    boolean fp16;

    @Option(names = "--prune", paramLabel = "SPARSITY", description = "magnitude pruning to this fraction of zero"
            + " weights, in [0, 1)")
    Double prune;

    @Option(names = "--prune-scope", paramLabel = "SCOPE", defaultValue = "per-tensor",
            description = "per-tensor (default) or global threshold")
    String pruneScope;

    @Option(names = "--prune-structure", paramLabel = "STRUCTURE", defaultValue = "unstructured",
            description = "unstructured (default) or channels")
    String pruneStructure;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(model)) {
            throw new BadInputException("model file not found: " + model);
        }
        if (Files.exists(out) && Files.isSameFile(model, out)) {
            throw new BadInputException("-o: " + out + " is the input model (choose another path)");
        }
        List<Map<String, Object>> steps = steps();
        GraphOptimize.Level level = graphOptimize == null ? null : parsed(() -> GraphOptimize.Level.parse(graphOptimize),
                "--graph-optimize");
        var stdout = spec.commandLine().getOut();
        OptimizationRuntimes runtimes = calibration == null && level == null ? null : runtimes();
        Path javaStepsOut = level == null ? out : Files.createTempFile(out.toAbsolutePath().getParent(), ".optimize-",
                ".onnx");
        try {
            Path graphInput = model;
            if (!steps.isEmpty()) {
                Files.deleteIfExists(javaStepsOut);
                ActivationSampler sampler = calibration == null ? null
                        : runtimes.datasetSampler(calibration, calibrationSamples);
                for (String line : OptimizerLoader.optimize(model, javaStepsOut, steps, sampler)) {
                    stdout.println(line);
                }
                graphInput = javaStepsOut;
            }
            if (level != null) {
                graphOptimize(runtimes, graphInput, level).forEach(stdout::println);
            }
        } finally {
            if (level != null) {
                Files.deleteIfExists(javaStepsOut);
            }
        }
        stdout.flush();
        return Main.OK;
    }

    private List<String> graphOptimize(OptimizationRuntimes runtimes, Path input, GraphOptimize.Level level)
            throws Exception {
        if (runtimes.graphOptimizer().isEmpty()) {
            throw new BadInputException("--graph-optimize: needs ONNX Runtime's adapter, which is not installed");
        }
        Files.deleteIfExists(out);
        long start = System.nanoTime();
        GraphOptimizer.Optimized nodes;
        try {
            nodes = runtimes.graphOptimize(input, out, level);
        } catch (java.io.IOException e) {
            throw new BadInputException("--graph-optimize: " + e.getMessage());
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        return List.of(String.format(Locale.ROOT, "graph-optimize (level=%s): %s -> %s in %d ms; %d -> %d nodes",
                level.spelling(), StepReport.megabytes(Files.size(input)), StepReport.megabytes(Files.size(out)), ms,
                nodes.nodesBefore(), nodes.nodesAfter()), String.format(Locale.ROOT, "%s: %s -> %s: %s (%.1f%%)",
                model.getFileName(), StepReport.megabytes(Files.size(model)), out,
                StepReport.megabytes(Files.size(out)), 100.0 * Files.size(out) / Files.size(model)));
    }

    /** ONNX Runtime for calibration runs and graph optimization: a child JVM when adapters live in folders. */
    private static OptimizationRuntimes runtimes() {
        Backends backends = Backends.discover();
        BackendProbe probe = ScenarioLoader.probe(backends, false);
        return new OptimizationRuntimes(backends, probe, probe instanceof ChildProbe c ? c : null);
    }

    private static <T> T parsed(java.util.function.Supplier<T> parse, String option) throws BadInputException {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(option + ": " + e.getMessage());
        }
    }

    private List<Map<String, Object>> steps() throws BadInputException {
        if (quantize != null && fp16) {
            throw new BadInputException("--quantize and --fp16: choose one (an int8 model's scales stay float32)");
        }
        if ("static-int8".equals(quantize) && calibration == null) {
            throw new BadInputException("--quantize static-int8: needs calibration data: --calibration FILE"
                    + " (samples of the model's inputs: .jsonl, .npy or .npz)");
        }
        if (calibration != null && !"static-int8".equals(quantize)) {
            throw new BadInputException("--calibration: only static-int8 takes calibration samples");
        }
        if (calibration != null && !Files.isRegularFile(calibration)) {
            throw new BadInputException("--calibration: no such file: " + calibration);
        }
        List<Map<String, Object>> steps = new ArrayList<>();
        if (prune != null) {
            steps.add(Map.of("prune", Map.of("sparsity", prune, "scope", pruneScope, "structure", pruneStructure)));
        }
        if (quantize != null) {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("mode", quantize);
            settings.put("weight-type", weightType);
            settings.put("per-channel", perChannel);
            if (calibration != null) {
                settings.put("calibration", Map.of("dataset", calibration.toAbsolutePath().toString(), "samples",
                        calibrationSamples, "method", calibrationMethod));
            }
            steps.add(Map.of("quantize", settings));
        }
        if (fp16) {
            steps.add(Map.of("fp16", Map.of("keep-io-types", true)));
        }
        if (steps.isEmpty() && graphOptimize == null) {
            throw new BadInputException("no step: give at least one of --quantize MODE, --fp16, --prune SPARSITY,"
                    + " --graph-optimize LEVEL");
        }
        return steps;
    }
}
