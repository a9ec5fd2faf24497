package io.inferbench.run;

import io.inferbench.api.ConversionCache;
import io.inferbench.api.optimize.ActivationSampler;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A configuration's optimization steps applied by a {@link ModelOptimizer} (InferBench's own, in a class loader of
 * its own), one step after the other, each produced model cached in the one conversion cache ({@link
 * CachedConversions#CACHE_FOLDER}): an entry is {@code <optimizer>-<step>-<version>/<sha256>/} holding {@code
 * model.onnx} and {@code optimization.json} (its {@link OptimizationInfo}), keyed by the SHA-256 of the input
 * model's hash, the step's key and its settings; the optimizer's name and version complete the key. Configurations
 * of one model with the same steps share every entry (a matrix of int8 x threads optimizes once).
 */
public final class CachedOptimizations implements ModelOptimizations {
    static final String MODEL = "model.onnx";
    static final String INFO = "optimization.json";

    private final ModelOptimizer optimizer;
    private final ConversionCache cache;
    private final Consumer<String> progress;
    private final Map<String, Outcome> done = new HashMap<>();

    /**
     * @param cacheRoot the InferBench cache ({@link io.inferbench.model.InferbenchDirs#cache()})
     * @param progress  receives a line before each step and on each cache hit
     */
    public CachedOptimizations(ModelOptimizer optimizer, Path cacheRoot, Consumer<String> progress) {
        this.optimizer = optimizer;
        this.cache = new ConversionCache(cacheRoot.resolve(CachedConversions.CACHE_FOLDER));
        this.progress = progress;
    }

    @Override
    public synchronized Outcome optimize(ConfigurationSpec c, ResolvedModel source) {
        List<OptimizationStep> steps = c.optimizationSteps();
        if (steps.isEmpty()) {
            return null;
        }
        if (source.path() == null || Files.isDirectory(source.path())) {
            return new Refused("optimization.steps: the steps take an ONNX model file, not " + source.source());
        }
        for (OptimizationStep step : steps) {
            if (!optimizer.applies(step)) {
                return new Refused("optimization.steps: " + step.key() + " needs a runtime's optimizer (ONNX"
                        + " Runtime's for graph-optimize, the TensorFlow converter for convert), which scenarios do"
                        + " not run yet; " + optimizer.name() + " applies quantize, fp16 and prune");
            }
        }
        try {
            String sha = source.sha256() == null || source.sha256().isBlank()
                    ? ConversionCache.sha256(source.path()) : source.sha256();
            String memo = sha + "|" + steps;
            Outcome known = done.get(memo);
            if (known != null) {
                return known;
            }
            Outcome outcome = apply(source, sha, steps);
            done.put(memo, outcome);
            return outcome;
        } catch (IOException | UncheckedIOException e) {
            return new Failed("the model could not be optimized: " + e.getMessage());
        }
    }

    private Outcome apply(ResolvedModel source, String sha, List<OptimizationStep> steps) throws IOException {
        Path current = source.path();
        String currentSha = sha;
        List<OptimizationInfo> infos = new ArrayList<>();
        for (OptimizationStep step : steps) {
            var key = new ConversionCache.Key(stepKey(currentSha, step), optimizer.name() + "-" + step.key(),
                    optimizer.version());
            Path dir = cache.dir(key);
            String what = step.key() + " (" + step.settings() + ") of " + current.getFileName();
            if (Files.isRegularFile(dir.resolve(INFO))) {
                progress.accept("optimization: using the cached " + what + ": " + dir);
            } else {
                progress.accept("optimization: " + what + " (cached in " + dir + ")...");
                Path input = current;
                try {
                    dir = cache.obtain(key, tmp -> produce(input, tmp, step)).dir();
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

    private void produce(Path input, Path tmp, OptimizationStep step) throws IOException {
        Files.createDirectories(tmp);
        Path model = tmp.resolve(MODEL);
        StepReport report = optimizer.optimize(input, model, step, calibration(step));
        OptimizationInfo info = info(report, optimizer.name() + " " + optimizer.version(),
                ConversionCache.sha256(model));
        Files.write(tmp.resolve(INFO), ResultJson.mapper().writeValueAsBytes(info));
    }

    /** Static int8's calibration runs are not wired into preflight yet: the optimizer refuses it with that reason. */
    private static ActivationSampler calibration(OptimizationStep step) {
        return null;
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
