package io.inferbench.run;

import io.inferbench.api.BackendException;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.optimize.ActivationRange;
import io.inferbench.api.optimize.ActivationSampler;
import io.inferbench.api.optimize.GraphOptimizer;
import io.inferbench.api.optimize.OptimizationStep.GraphOptimize;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The optimization work a probe child does for the parent ({@link ProbeMain}): static int8's calibration runs and a
 * runtime's graph optimization, each needing an adapter's native library that the parent never loads.
 */
final class OptimizationTasks {
    private OptimizationTasks() {
    }

    /** {@code reply} with the outcome of the request's calibration or graph optimization, if it asks one. */
    static ProbeReply perform(ProbeRequest request, Map<String, BackendProvider> providers, ProbeReply reply) {
        try {
            if (request.calibration() != null) {
                ProbeRequest.Calibration c = request.calibration();
                BackendProvider p = providers.get(c.backend());
                if (p == null) {
                    return reply.with(null, null, "backend '" + c.backend() + "' is not on this JVM's class path");
                }
                ActivationSampler.Observed o = CalibrationRun.observe(p, c.model(),
                        CalibrationSamples.read(c.samples()).tensors(), c.outputs());
                Map<String, ActivationRange.Snapshot> ranges = new LinkedHashMap<>();
                o.ranges().forEach((name, r) -> ranges.put(name, r.snapshot()));
                return reply.with(new ProbeReply.Calibrated(o.runs(), ranges), null, null);
            }
            if (request.graphOptimization() != null) {
                ProbeRequest.GraphOptimization g = request.graphOptimization();
                GraphOptimizer optimizer = graphOptimizer(OptimizationTasks.class.getClassLoader())
                        .orElse(null);
                if (optimizer == null) {
                    return reply.with(null, null, "no graph optimizer is on this JVM's class path");
                }
                return reply.with(null, optimizer.optimize(g.source(), g.target(), GraphOptimize.Level.parse(g.level())),
                        null);
            }
            return reply;
        } catch (IOException | BackendException | RuntimeException e) {
            return reply.with(null, null, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** The first {@link GraphOptimizer} {@code loader} sees (ONNX Runtime's adapter provides one). */
    static Optional<GraphOptimizer> graphOptimizer(ClassLoader loader) {
        return ServiceLoader.load(GraphOptimizer.class, loader).findFirst();
    }
}
