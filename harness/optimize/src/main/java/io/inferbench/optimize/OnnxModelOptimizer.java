package io.inferbench.optimize;

import io.inferbench.api.optimize.ActivationSampler;
import io.inferbench.api.optimize.ModelOptimizer;
import io.inferbench.api.optimize.OptimizationStep;
import io.inferbench.api.optimize.StepReport;
import io.inferbench.onnx.OnnxModelFiles;
import io.inferbench.onnx.proto.OnnxProto.ModelProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * InferBench's optimizer as a {@link ModelOptimizer}, for the harness's preflight: one step from file to file.
 * Built by name in the optimizer's own class loader ({@link #ENTRY}); only api and JDK types cross.
 */
public final class OnnxModelOptimizer implements ModelOptimizer {
    /** The class the harness instantiates in the optimizer's class loader. */
    public static final String ENTRY = "io.inferbench.optimize.OnnxModelOptimizer";
    /** Bumped whenever a rewrite would write a different model for the same input and settings. */
    public static final String VERSION = "2";

    @Override
    public String name() {
        return "inferbench-optimize";
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public boolean applies(OptimizationStep step) {
        return step instanceof OptimizationStep.Quantize || step instanceof OptimizationStep.Fp16
                || step instanceof OptimizationStep.Prune;
    }

    @Override
    public StepReport optimize(Path source, Path target, OptimizationStep step, ActivationSampler calibration)
            throws IOException {
        if (Files.exists(target)) {
            throw new IOException(target + " exists already");
        }
        ModelProto model = OnnxModelFiles.read(source);
        OnnxOptimizer optimizer = OnnxOptimizer.pureJava();
        if (step instanceof OptimizationStep.Quantize q && q.mode() == OptimizationStep.Quantize.Mode.STATIC_INT8) {
            if (calibration == null) {
                throw new IllegalArgumentException("quantize.calibration: static-int8 needs calibration samples,"
                        + " and none can be run here");
            }
            optimizer = optimizer.with(OptimizationStep.Quantize.class, new StaticQuantizer(calibration,
                    target.toAbsolutePath().resolveSibling(target.getFileName() + ".calibration.onnx")));
        }
        OnnxOptimizer.Optimized optimized = optimizer.apply(model, step);
        OnnxModelFiles.write(optimized.model(), target);
        return optimized.reports().get(0);
    }
}
