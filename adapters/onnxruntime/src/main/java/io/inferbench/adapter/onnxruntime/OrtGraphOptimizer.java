package io.inferbench.adapter.onnxruntime;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import io.inferbench.api.BackendException;
import io.inferbench.api.optimize.GraphOptimizer;
import io.inferbench.api.optimize.OptimizationStep.GraphOptimize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * ONNX Runtime's graph optimizations saved offline: the model loaded with the level's optimizations and
 * {@code setOptimizedModelFilePath}, as ONNX Runtime documents it. Single-threaded CPU session, no model run.
 * The node counts are read from the files' protobuf ({@link OnnxNodeCount}). An {@code all} (layout) model is
 * tied to the CPU features of the machine that wrote it, as ONNX Runtime warns.
 */
public final class OrtGraphOptimizer implements GraphOptimizer {
    @Override
    public String name() {
        return "onnxruntime-graph-optimize";
    }

    /** The jar's version, read without loading the natives (the harness asks it for cache keys). */
    @Override
    public String version() {
        return OrtNatives.jarVersion();
    }

    @Override
    public Optimized optimize(Path source, Path target, GraphOptimize.Level level) throws BackendException {
        if (Files.exists(target)) {
            throw new BackendException(target + " exists already");
        }
        OrtRuntime runtime = OrtRuntime.get();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(optLevel(level));
            options.setIntraOpNumThreads(1);
            options.setOptimizedModelFilePath(target.toAbsolutePath().toString());
            try (OrtSession session = runtime.environment().createSession(source.toString(), options)) {
                // Creating the session writes the optimized model.
            }
            if (!Files.isRegularFile(target)) {
                throw new BackendException("ONNX Runtime wrote no optimized model to " + target);
            }
            return new Optimized(OnnxNodeCount.of(source), OnnxNodeCount.of(target));
        } catch (OrtException e) {
            throw new BackendException("ONNX Runtime could not optimize " + source.getFileName() + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new BackendException("cannot read the model's nodes: " + e.getMessage(), e);
        }
    }

    static OptLevel optLevel(GraphOptimize.Level level) {
        return switch (level) {
            case BASIC -> OptLevel.BASIC_OPT;
            case EXTENDED -> OptLevel.EXTENDED_OPT;
            case ALL -> OptLevel.ALL_OPT;
        };
    }
}
