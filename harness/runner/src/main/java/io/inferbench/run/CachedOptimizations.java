package io.inferbench.run;

import io.inferbench.api.ConversionCache;
import io.inferbench.api.optimize.ActivationSampler;
import io.inferbench.api.optimize.GraphOptimizer;
import io.inferbench.api.optimize.ModelOptimizer;
import io.inferbench.api.optimize.OptimizationStep;
import io.inferbench.api.optimize.StepReport;
import io.inferbench.model.ResolvedModel;
import io.inferbench.result.OptimizationInfo;
import io.inferbench.result.ResultJson;
import io.inferbench.scenario.ConfigurationSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * A configuration's optimization steps applied by a {@link ModelOptimizer} (InferBench's own, in a class loader of
 * its own), one step after the other, each produced model cached in the one conversion cache ({@link
 * CachedConversions#CACHE_FOLDER}): an entry is {@code <optimizer>-<step>-<version>/<sha256>/} holding {@code
 * model.onnx} and {@code optimization.json} (its {@link OptimizationInfo}), keyed by the SHA-256 of the input
 * model's hash, the step's key and its settings; the optimizer's name and version complete the key. Configurations
 * of one model with the same steps share every entry (a matrix of int8 x threads optimizes once). Static int8's
 * key also holds its calibration data ({@link #calibrationKey}); graph-optimize is applied by ONNX Runtime's
 * {@link GraphOptimizer} ({@link OptimizationRuntimes}), its entries under that optimizer's name and version.
 */
public final class CachedOptimizations implements ModelOptimizations {
    static final String MODEL = "model.onnx";
    static final String INFO = "optimization.json";

    private final ModelOptimizer optimizer;
    private final ConversionCache cache;
    private final Consumer<String> progress;
    private final OptimizationRuntimes runtimes;
    private final Map<String, Outcome> done = new HashMap<>();

    /**
     * @param cacheRoot the InferBench cache ({@link io.inferbench.model.InferbenchDirs#cache()})
     * @param progress  receives a line before each step and on each cache hit
     */
    public CachedOptimizations(ModelOptimizer optimizer, Path cacheRoot, Consumer<String> progress) {
        this(optimizer, cacheRoot, progress, null);
    }

    /**
     * @param runtimes ONNX Runtime for static int8's calibration and graph-optimize; null without (those steps are
     *                 then refused with the reason)
     */
    public CachedOptimizations(ModelOptimizer optimizer, Path cacheRoot, Consumer<String> progress,
                               OptimizationRuntimes runtimes) {
        this.optimizer = optimizer;
        this.cache = new ConversionCache(cacheRoot.resolve(CachedConversions.CACHE_FOLDER));
        this.progress = progress;
        this.runtimes = runtimes;
    }

    @Override
    public Outcome optimize(ConfigurationSpec c, ResolvedModel source) {
        return optimize(c, source, null);
    }

    @Override
    public synchronized Outcome optimize(ConfigurationSpec c, ResolvedModel source, CalibrationInputs inputs) {
        List<OptimizationStep> steps = c.optimizationSteps();
        if (steps.isEmpty()) {
            return null;
        }
        if (source.path() == null || Files.isDirectory(source.path())) {
            return new Refused("optimization.steps: the steps take an ONNX model file, not " + source.source());
        }
        for (OptimizationStep step : steps) {
            String why = unsupported(step);
            if (why != null) {
                return new Refused("optimization.steps: " + why);
            }
        }
        try {
            String sha = source.sha256() == null || source.sha256().isBlank()
                    ? ConversionCache.sha256(source.path()) : source.sha256();
            String memo = sha + "|" + steps + "|" + calibrationKey(c, steps, inputs);
            Outcome known = done.get(memo);
            if (known != null) {
                return known;
            }
            Outcome outcome = apply(c, inputs, source, sha, steps);
            done.put(memo, outcome);
            return outcome;
        } catch (IllegalArgumentException e) {
            return new Refused("optimization.steps: " + e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            return new Failed("the model could not be optimized: " + e.getMessage());
        }
    }

    /** Why this harness cannot apply {@code step}, or null. */
    private String unsupported(OptimizationStep step) {
        if (step instanceof OptimizationStep.GraphOptimize) {
            return runtimes != null && runtimes.graphOptimizer().isPresent() ? null : "graph-optimize: needs ONNX"
                    + " Runtime's adapter (its optimized model saved offline), which is not installed";
        }
        if (step instanceof OptimizationStep.Quantize q && q.calibration() != null && runtimes == null) {
            return "quantize.calibration: static-int8 calibrates on ONNX Runtime, which this harness cannot run";
        }
        if (!optimizer.applies(step)) {
            return step.key() + " needs a runtime's optimizer (the TensorFlow converter for convert), which"
                    + " scenarios do not run yet; " + optimizer.name() + " applies quantize, fp16 and prune";
        }
        return null;
    }

    private Outcome apply(ConfigurationSpec c, CalibrationInputs inputs, ResolvedModel source, String sha,
                          List<OptimizationStep> steps) throws IOException {
        Path current = source.path();
        String currentSha = sha;
        List<OptimizationInfo> infos = new ArrayList<>();
        for (OptimizationStep step : steps) {
            boolean graph = step instanceof OptimizationStep.GraphOptimize;
            String toolName = graph ? runtimes.graphOptimizer().orElseThrow().name() : optimizer.name() + "-"
                    + step.key();
            String toolVersion = graph ? runtimes.graphOptimizer().orElseThrow().version() : optimizer.version();
            var key = new ConversionCache.Key(stepKey(currentSha + calibrationKey(c, List.of(step), inputs), step),
                    toolName, toolVersion);
            Path dir = cache.dir(key);
            String what = step.key() + " (" + step.settings() + ") of " + current.getFileName();
            if (Files.isRegularFile(dir.resolve(INFO))) {
                progress.accept("optimization: using the cached " + what + ": " + dir);
            } else {
                progress.accept("optimization: " + what + " (cached in " + dir + ")...");
                Path input = current;
                try {
                    dir = cache.obtain(key, tmp -> produce(input, tmp, step, c, inputs)).dir();
                } catch (IllegalArgumentException e) {
                    return new Refused("optimization.steps: " + e.getMessage());
                }
            }
            OptimizationInfo info = ResultJson.mapper().readValue(dir.resolve(INFO).toFile(), OptimizationInfo.class);
            infos.add(info);
            current = dir.resolve(MODEL);
            currentSha = info.sha256();
        }
        return new Optimized(new ResolvedModel(current, source.source(), Files.size(current), currentSha), infos);
    }

    private void produce(Path input, Path tmp, OptimizationStep step, ConfigurationSpec c, CalibrationInputs inputs)
            throws IOException {
        Files.createDirectories(tmp);
        Path model = tmp.resolve(MODEL);
        OptimizationInfo info;
        if (step instanceof OptimizationStep.GraphOptimize g) {
            GraphOptimizer optimizerOfRuntime = runtimes.graphOptimizer().orElseThrow();
            long start = System.nanoTime();
            GraphOptimizer.Optimized nodes = runtimes.graphOptimize(input, model, g.level());
            StepReport report = new StepReport(step, Duration.ofNanos(System.nanoTime() - start), Files.size(input),
                    Files.size(model), List.of(new StepReport.ChangedNode("graph", "every node",
                    "ONNX Runtime's " + g.level().spelling() + " optimizations saved offline: "
                    + nodes.nodesBefore() + " -> " + nodes.nodesAfter() + " nodes")), List.of(),
                    OptionalDouble.empty());
            info = info(report, optimizerOfRuntime.name() + " " + optimizerOfRuntime.version(),
                    ConversionCache.sha256(model));
        } else {
            StepReport report = optimizer.optimize(input, model, step, calibration(step, c, inputs));
            info = info(report, optimizer.name() + " " + optimizer.version(), ConversionCache.sha256(model));
        }
        Files.write(tmp.resolve(INFO), ResultJson.mapper().writeValueAsBytes(info));
    }

    /** Static int8's samples: the scenario's inputs or the step's dataset, run on ONNX Runtime; null otherwise. */
    private ActivationSampler calibration(OptimizationStep step, ConfigurationSpec c, CalibrationInputs inputs) {
        return step instanceof OptimizationStep.Quantize q && q.calibration() != null && runtimes != null
                ? runtimes.sampler(c, inputs, q.calibration()) : null;
    }

    /**
     * What static int8's calibration samples are made of, hashed, for the cache key: the configuration's input
     * settings, its texts, tokenizer and data file, or the dataset's content. Empty without a calibrated step.
     */
    static String calibrationKey(ConfigurationSpec c, List<OptimizationStep> steps, CalibrationInputs inputs)
            throws IOException {
        StringBuilder material = new StringBuilder();
        for (OptimizationStep step : steps) {
            if (!(step instanceof OptimizationStep.Quantize q) || q.calibration() == null) {
                continue;
            }
            Path dataset = ScenarioCalibration.dataset(q.calibration(), inputs);
            if (dataset != null) {
                material.append("dataset:").append(Files.isRegularFile(dataset) ? ConversionCache.sha256(dataset)
                        : dataset.toString());
                continue;
            }
            material.append("inputs:").append(c.inputs());
            if (c.inputs().data() != null && Files.isRegularFile(c.inputs().data())) {
                material.append(ConversionCache.sha256(c.inputs().data()));
            }
            if (inputs != null && inputs.tokenizer() != null) {
                material.append(inputs.tokenizer().sha256()).append(inputs.tokenizer().path());
            }
            if (inputs != null && inputs.texts() != null) {
                material.append(sha256(String.join("\n", inputs.texts())));
            }
        }
        return material.isEmpty() ? "" : "\n" + sha256(material.toString());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A step's report as the result records it. */
    static OptimizationInfo info(StepReport r, String tool, String sha256) {
        return new OptimizationInfo(r.step().key(), r.step().settings(), tool, r.took().toMillis(),
                r.sizeBeforeBytes(), r.sizeAfterBytes(),
                r.changed().stream().map(n -> n.name() + " (" + n.opType() + "): " + n.became()).toList(),
                r.leftAlone().stream().map(n -> n.name() + " (" + n.opType() + "): " + n.reason()).toList(),
                r.achievedSparsity().isPresent() ? r.achievedSparsity().getAsDouble() : null, sha256);
    }

    /** SHA-256 of the input's hash, the step's key and its settings. */
    static String stepKey(String inputSha, OptimizationStep step) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest((inputSha + "\n" + step.key()
                    + "\n" + step.settings()).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
