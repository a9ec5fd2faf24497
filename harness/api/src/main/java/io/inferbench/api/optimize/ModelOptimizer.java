package io.inferbench.api.optimize;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Applies optimization steps to a model file: InferBench's own optimizer ({@code io.inferbench.optimize}) behind
 * JDK and api types only, so the harness can call it in a class loader of its own (its protobuf runtime must not
 * join the harness's class path). One call at a time per instance; blocking, may take seconds.
 */
public interface ModelOptimizer {
    /** Stable name, part of every cache key, e.g. {@code inferbench-optimize}. */
    String name();

    /** Version of the rewrite rules; part of every cache key, bumped when an output would change. */
    String version();

    /**
     * Whether this optimizer applies {@code step} itself; the others (graph-optimize, convert) need a runtime and
     * are applied by a {@link GraphOptimizer} or a {@link io.inferbench.api.ModelConverter}.
     */
    boolean applies(OptimizationStep step);

    /**
     * Reads {@code source}, applies {@code step}, writes {@code target} (a file that must not exist yet).
     *
     * @param calibration runs the model on calibration samples, for static int8; null when there are none
     * @return what the step did
     * @throws IllegalArgumentException if the step cannot apply to this model (the message names the field and why)
     * @throws IOException              if a file cannot be read or written
     */
    StepReport optimize(Path source, Path target, OptimizationStep step, ActivationSampler calibration)
            throws IOException;
}
