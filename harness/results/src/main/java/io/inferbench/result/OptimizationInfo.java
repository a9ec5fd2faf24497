package io.inferbench.result;

import java.util.List;

/**
 * One optimization step InferBench applied to a configuration's model before loading it ({@code
 * optimization.steps}), as its optimizer reported it.
 *
 * @param step             the step's key: {@code quantize}, {@code fp16}, {@code prune}, {@code graph-optimize}, ...
 * @param settings         its settings in the scenario's spelling ({@code mode=dynamic-int8, weight-type=int8, ...})
 * @param tool             what applied it and its version ({@code inferbench-optimize 2}), part of the cache key
 * @param tookMillis       wall time of the rewrite when it was made (a cached model keeps the time it took then)
 * @param sizeBeforeBytes  the model's serialized size before the step
 * @param sizeAfterBytes   ... and after
 * @param changed          nodes rewritten: {@code name (op): what it became}
 * @param leftAlone        candidate nodes not rewritten: {@code name (op): why}
 * @param achievedSparsity the fraction of zeros in the pruned weights; null for other steps
 * @param sha256           the produced model's content hash (its cache key is of the input, settings and tool)
 */
public record OptimizationInfo(String step, String settings, String tool, long tookMillis, long sizeBeforeBytes,
                               long sizeAfterBytes, List<String> changed, List<String> leftAlone,
                               Double achievedSparsity, String sha256) {
    public OptimizationInfo {
        changed = changed == null ? List.of() : List.copyOf(changed);
        leftAlone = leftAlone == null ? List.of() : List.copyOf(leftAlone);
    }

    /** {@code quantize (mode=dynamic-int8, ...)}: the step as a report names it. */
    public String describe() {
        return step + (settings == null || settings.isEmpty() ? "" : " (" + settings + ")");
    }
}
