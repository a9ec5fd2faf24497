package io.inferbench.optimize;

import io.inferbench.api.optimize.ActivationSampler;
import io.inferbench.api.optimize.OptimizationStep;
import io.inferbench.api.optimize.StepSettings;
import io.inferbench.api.optimize.StepReport;

import io.inferbench.onnx.OnnxModelFiles;
import io.inferbench.onnx.proto.OnnxProto.ModelProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The optimizer on files, for {@code inferbench optimize}: JDK types in and out, so the command can call it
 * in a class loader of its own (the optimizer's protobuf runtime stays off the harness's class path, where
 * it would shadow the DJL adapter's).
 */
public final class OptimizeFiles {
    private OptimizeFiles() {
    }

    /**
     * Reads {@code model}, applies {@code steps} (as {@link StepSettings#parse} takes them), writes {@code out}.
     *
     * @return console lines: each step's report, then the file sizes before and after
     * @throws IllegalArgumentException for a bad step setting, a model that is not ONNX, or a step the model cannot take
     * @throws IOException if a file cannot be read or written
     */
    public static List<String> optimize(Path model, Path out, List<Map<String, Object>> steps) throws IOException {
        return optimize(model, out, steps, null);
    }

    /**
     * {@link #optimize(Path, Path, List)}, static int8 calibrated by {@code calibration} (null: static int8 is
     * refused, as without samples it cannot be calibrated).
     */
    public static List<String> optimize(Path model, Path out, List<Map<String, Object>> steps,
                                        ActivationSampler calibration) throws IOException {
        List<OptimizationStep> parsed = StepSettings.parse(steps);
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("no optimization step given");
        }
        ModelProto proto = OnnxModelFiles.read(model);
        OnnxOptimizer optimizer = OnnxOptimizer.pureJava();
        if (calibration != null) {
            optimizer = optimizer.with(OptimizationStep.Quantize.class, new StaticQuantizer(calibration,
                    out.toAbsolutePath().resolveSibling(out.getFileName() + ".calibration.onnx")));
        }
        OnnxOptimizer.Optimized optimized = optimizer.apply(proto, parsed);
        long before = Files.size(model);
        long after = OnnxModelFiles.write(optimized.model(), out);
        List<String> lines = new ArrayList<>();
        optimized.reports().forEach(r -> lines.addAll(r.lines()));
        lines.add(String.format(java.util.Locale.ROOT, "%s: %s -> %s: %s (%.1f%%)", model.getFileName(),
                StepReport.megabytes(before), out, StepReport.megabytes(after), 100.0 * after / before));
        return lines;
    }
}
