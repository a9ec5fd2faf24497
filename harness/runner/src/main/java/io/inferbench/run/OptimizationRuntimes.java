package io.inferbench.run;

import io.inferbench.api.BackendException;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.Tensor;
import io.inferbench.api.optimize.ActivationRange;
import io.inferbench.api.optimize.ActivationSampler;
import io.inferbench.api.optimize.GraphOptimizer;
import io.inferbench.api.optimize.OptimizationStep;
import io.inferbench.run.backends.AdapterInstall;
import io.inferbench.run.backends.BackendProbe;
import io.inferbench.run.backends.Backends;
import io.inferbench.scenario.ConfigurationSpec;
import io.inferbench.scenario.InputSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The runtime ONNX Runtime lends to optimization steps: static int8's calibration runs and graph-optimize's saved
 * model. With adapters in folders both run in a probe child JVM with ONNX Runtime's adapter on its class path (the
 * parent never loads an adapter's natives); with everything on one class path, here.
 */
public final class OptimizationRuntimes {
    /** Calibration runs on ONNX Runtime, as ONNX Runtime's {@code quantize_static} calibrates. */
    public static final String CALIBRATION_BACKEND = "onnxruntime";

    private final Backends backends;
    private final BackendProbe probe;
    private final ChildProbe child;

    /**
     * @param probe describes calibration models (in a child JVM or here)
     * @param child runs calibrations and graph optimizations in child JVMs; null to run them in this JVM
     */
    public OptimizationRuntimes(Backends backends, BackendProbe probe, ChildProbe child) {
        this.backends = backends;
        this.probe = probe;
        this.child = child;
    }

    /** The sampler of a configuration's static int8 step. */
    ActivationSampler sampler(ConfigurationSpec c, ModelOptimizations.CalibrationInputs inputs,
                              OptimizationStep.Calibration calibration) {
        return new ScenarioCalibration(this, c.inputs(), inputs, calibration);
    }

    /**
     * A sampler of the samples in {@code dataset} (a data file as {@code inputs.data} takes it: .jsonl, .npy,
     * .npz), at most {@code samples} of them, for {@code inferbench optimize --calibration FILE}.
     */
    public ActivationSampler datasetSampler(Path dataset, int samples) {
        InputSpec defaults = new InputSpec(1, 128, samples, 42, null, Map.of());
        return new ScenarioCalibration(this, defaults, null,
                new OptimizationStep.Calibration(dataset.toAbsolutePath().toString(), samples,
                        OptimizationStep.Calibration.Method.MINMAX));
    }

    BackendProvider calibrationProvider() {
        BackendProvider p = backends.byName().get(CALIBRATION_BACKEND);
        if (p == null) {
            throw new IllegalArgumentException("quantize.calibration: static-int8 calibrates on ONNX Runtime"
                    + " (backend '" + CALIBRATION_BACKEND + "'), which is not installed");
        }
        return p;
    }

    BackendProbe.ModelShape describe(Path model) {
        calibrationProvider();
        var q = new BackendProbe.ModelQuery(CALIBRATION_BACKEND, model, ModelFormat.ONNX);
        return probe.describe(Set.of(q)).get(q);
    }

    private Optional<AdapterInstall> childAdapter(String backend) {
        return child == null ? Optional.empty() : backends.adapter(backend);
    }

    ActivationSampler.Observed observe(Path model, List<Map<String, Tensor>> samples, List<String> outputs)
            throws IOException {
        BackendProvider provider = calibrationProvider();
        Optional<AdapterInstall> adapter = childAdapter(CALIBRATION_BACKEND);
        if (adapter.isEmpty()) {
            return CalibrationRun.observe(provider, model, samples, outputs);
        }
        Path file = Files.createTempFile("inferbench-calibration-", ".json");
        try {
            CalibrationSamples.of(samples).write(file);
            ProbeReply reply = perform(adapter.get(), new ProbeRequest(List.of(), List.of(), null, null,
                    new ProbeRequest.Calibration(CALIBRATION_BACKEND, model.toAbsolutePath(), file, outputs), null));
            if (reply.calibrated() == null) {
                throw new IOException("the calibration runs failed: " + reply.failure());
            }
            Map<String, ActivationRange> ranges = new LinkedHashMap<>();
            reply.calibrated().ranges().forEach((name, s) -> ranges.put(name, ActivationRange.of(s)));
            return new ActivationSampler.Observed(reply.calibrated().runs(), ranges);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The installed graph optimizer's name and version (for cache keys), without loading its natives. */
    public Optional<GraphOptimizer> graphOptimizer() {
        BackendProvider p = backends.byName().get(CALIBRATION_BACKEND);
        return p == null ? Optional.empty() : OptimizationTasks.graphOptimizer(p.getClass().getClassLoader());
    }

    /** {@code source} optimized by ONNX Runtime at {@code level} into {@code target}. */
    public GraphOptimizer.Optimized graphOptimize(Path source, Path target, OptimizationStep.GraphOptimize.Level level)
            throws IOException {
        GraphOptimizer optimizer = graphOptimizer().orElseThrow(() -> new IllegalArgumentException("graph-optimize:"
                + " needs ONNX Runtime's adapter (backend '" + CALIBRATION_BACKEND + "'), which is not installed"));
        Optional<AdapterInstall> adapter = childAdapter(CALIBRATION_BACKEND);
        if (adapter.isEmpty()) {
            try {
                return optimizer.optimize(source, target, level);
            } catch (BackendException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        ProbeReply reply = perform(adapter.get(), new ProbeRequest(List.of(), List.of(), null, null, null,
                new ProbeRequest.GraphOptimization(source.toAbsolutePath(), target.toAbsolutePath(),
                        level.spelling())));
        if (reply.graphOptimized() == null) {
            throw new IOException("ONNX Runtime's graph optimization failed: " + reply.failure());
        }
        return reply.graphOptimized();
    }

    private ProbeReply perform(AdapterInstall adapter, ProbeRequest request) throws IOException {
        try {
            return child.perform(adapter, request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
