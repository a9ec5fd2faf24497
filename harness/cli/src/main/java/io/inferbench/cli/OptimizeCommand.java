package io.inferbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code inferbench optimize MODEL [--quantize dynamic-int8] [--fp16] [--prune SPARSITY] -o OUT}: the
 * optimization steps without a benchmark. Prints each step's size before and after, the nodes changed and
 * each node left alone with the reason. The optimizer runs in a class loader of its own ({@link OptimizerLoader}).
 */
@Command(name = "optimize", mixinStandardHelpOptions = true,
        description = {"Applies optimization steps to an ONNX model and writes the result: prune first, then "
                + "quantize (dynamic int8, as ONNX Runtime's quantize_dynamic) or fp16 (as onnxconverter-common). "
                + "Prints the sizes, the nodes changed and each node left alone with the reason."})
final class OptimizeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "the ONNX model to optimize")
    Path model;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "the .onnx file to write")
    Path out;

    @Option(names = "--quantize", paramLabel = "MODE", description = "dynamic-int8 (static-int8 needs calibration"
            + " data and lands later)")
    String quantize;

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
        var stdout = spec.commandLine().getOut();
        for (String line : OptimizerLoader.optimize(model, out, steps)) {
            stdout.println(line);
        }
        stdout.flush();
        return Main.OK;
    }

    private List<Map<String, Object>> steps() throws BadInputException {
        if (quantize != null && fp16) {
            throw new BadInputException("--quantize and --fp16: choose one (an int8 model's scales stay float32)");
        }
        if ("static-int8".equals(quantize)) {
            throw new BadInputException("--quantize static-int8: needs calibration data (a dataset or sample inputs);"
                    + " static quantization lands in a later version (use dynamic-int8)");
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
            steps.add(Map.of("quantize", settings));
        }
        if (fp16) {
            steps.add(Map.of("fp16", Map.of("keep-io-types", true)));
        }
        if (steps.isEmpty()) {
            throw new BadInputException("no step: give at least one of --quantize dynamic-int8, --fp16, --prune SPARSITY");
        }
        return steps;
    }
}
