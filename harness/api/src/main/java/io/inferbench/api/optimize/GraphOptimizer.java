package io.inferbench.api.optimize;

import io.inferbench.api.BackendException;
import java.nio.file.Path;

/**
 * A runtime's own graph optimizations saved offline, as a step ({@code graph-optimize}): ONNX Runtime's
 * {@code setOptimizedModelFilePath}. Found with {@link java.util.ServiceLoader} in the adapter that provides it,
 * like {@link io.inferbench.api.ModelConverter}; the harness calls it in a child JVM with that adapter's class path.
 * Blocking; may take seconds.
 */
public interface GraphOptimizer {
    /** Stable name, part of the cache key, e.g. {@code onnxruntime-graph-optimize}. */
    String name();

    /** The runtime's version; part of the cache key (another version optimizes differently). */
    String version();

    /**
     * Loads {@code source} with the optimizations of {@code level} and writes the optimized graph to {@code target}
     * (a file that must not exist yet).
     *
     * @return the node count before and after, for the step's report
     * @throws BackendException if the runtime cannot load or optimize the model
     */
    Optimized optimize(Path source, Path target, OptimizationStep.GraphOptimize.Level level) throws BackendException;

    /** What the optimization did to the graph. */
    record Optimized(int nodesBefore, int nodesAfter) {
    }
}
