package io.inferbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.api.optimize.ActivationSampler;
import io.inferbench.api.optimize.ModelOptimizer;
import io.inferbench.api.optimize.OptimizationStep;
import io.inferbench.api.optimize.StepReport;
import io.inferbench.model.ResolvedModel;
import io.inferbench.result.OptimizationInfo;
import io.inferbench.run.backends.Backends;
import io.inferbench.scenario.ConfigurationSpec;
import io.inferbench.scenario.ScenarioParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Optimization steps in preflight: applied in order, each product cached by input + settings + version, recorded. */
class CachedOptimizationsTest {
    @TempDir
    Path dir;

    /** Appends the step's key to the file: the product shows which steps made it, in which order. */
    static final class AppendingOptimizer implements ModelOptimizer {
        int calls;

        @Override
        public String name() {
            return "test-optimizer";
        }

        @Override
        public String version() {
            return "7";
        }

        @Override
        public boolean applies(OptimizationStep step) {
            return !(step instanceof OptimizationStep.GraphOptimize);
        }

        @Override
        public StepReport optimize(Path source, Path target, OptimizationStep step, ActivationSampler calibration)
                throws IOException {
            calls++;
            if (step instanceof OptimizationStep.Prune p && p.sparsity() > 0.9) {
                throw new IllegalArgumentException("prune.sparsity: this model cannot take " + p.sparsity());
            }
            Files.writeString(target, Files.readString(source) + "+" + step.key());
            return new StepReport(step, Duration.ofMillis(3), Files.size(source), Files.size(target),
                    List.of(new StepReport.ChangedNode("mm", "MatMul", "something smaller")),
                    List.of(new StepReport.LeftAlone("att", "MatMul", "two activations")),
                    step instanceof OptimizationStep.Prune ? OptionalDouble.of(0.5) : OptionalDouble.empty());
        }
    }

    private ConfigurationSpec configuration(String steps) throws Exception {
        return new ScenarioParser(Backends.discover().byName()).parse(Path.of("t.yaml"), dir,
                "backend: { name: synthetic }\noptimization: { steps: " + steps + " }\n").configurations().get(0);
    }

    @Test
    void stepsApplyInOrderAreCachedAndRecorded() throws Exception {
        Path model = dir.resolve("m.onnx");
        Files.writeString(model, "model");
        ResolvedModel source = new ResolvedModel(model, "m.onnx", 5, "");
        ConfigurationSpec c = configuration("[ { prune: { sparsity: 0.5 } }, { fp16: {} } ]");
        AppendingOptimizer optimizer = new AppendingOptimizer();
        List<String> progress = new ArrayList<>();
        var outcome = new CachedOptimizations(optimizer, dir.resolve("cache"), progress::add).optimize(c, source);
        var optimized = assertInstanceOf(ModelOptimizations.Optimized.class, outcome);
        assertEquals("model+prune+fp16", Files.readString(optimized.model().path()));
        assertTrue(optimized.model().path().startsWith(dir.resolve("cache").resolve(CachedConversions.CACHE_FOLDER)),
                "in the one conversion cache: " + optimized.model().path());
        assertEquals("m.onnx", optimized.model().source(), "the declared source is kept");
        List<OptimizationInfo> steps = optimized.steps();
        assertEquals(List.of("prune", "fp16"), steps.stream().map(OptimizationInfo::step).toList());
        assertEquals(0.5, steps.get(0).achievedSparsity());
        assertEquals(List.of("mm (MatMul): something smaller"), steps.get(0).changed());
        assertEquals(List.of("att (MatMul): two activations"), steps.get(0).leftAlone());
        assertEquals("test-optimizer 7", steps.get(1).tool());
        assertEquals(optimized.model().sha256(), steps.get(1).sha256());

        // Another preflight (another process) uses the cache: nothing is optimized again.
        List<String> again = new ArrayList<>();
        AppendingOptimizer second = new AppendingOptimizer();
        var cached = (ModelOptimizations.Optimized) new CachedOptimizations(second, dir.resolve("cache"), again::add)
                .optimize(c, source);
        assertEquals(0, second.calls, again.toString());
        assertEquals(optimized.model().path(), cached.model().path());
        assertTrue(again.stream().allMatch(l -> l.startsWith("optimization: using the cached")), again.toString());

        // Other settings are another entry.
        var other = (ModelOptimizations.Optimized) new CachedOptimizations(second, dir.resolve("cache"), again::add)
                .optimize(configuration("[ { prune: { sparsity: 0.25 } } ]"), source);
        assertEquals(1, second.calls);
        assertEquals("model+prune", Files.readString(other.model().path()));
    }

    @Test
    void aStepTheModelCannotTakeOrThatNeedsARuntimeIsRefused() throws Exception {
        Path model = dir.resolve("m.onnx");
        Files.writeString(model, "model");
        ResolvedModel source = new ResolvedModel(model, "m.onnx", 5, "");
        var optimizations = new CachedOptimizations(new AppendingOptimizer(), dir.resolve("cache"), l -> { });
        var refused = assertInstanceOf(ModelOptimizations.Refused.class,
                optimizations.optimize(configuration("[ { prune: { sparsity: 0.95 } } ]"), source));
        assertTrue(refused.message().contains("prune.sparsity: this model cannot take 0.95"), refused.message());
        var runtime = assertInstanceOf(ModelOptimizations.Refused.class,
                optimizations.optimize(configuration("[ { graph-optimize: { level: basic } } ]"), source));
        assertTrue(runtime.message().contains("graph-optimize"), runtime.message());
        try (var entries = Files.list(dir.resolve("cache").resolve(CachedConversions.CACHE_FOLDER)
                .resolve("test-optimizer-prune-7"))) {
            assertEquals(0, entries.count(), "a refused step leaves nothing in the cache");
        }
        assertEquals(null, optimizations.optimize(configuration("[]"), source), "no steps: the model as it is");
    }

    @Test
    void staticInt8sCacheKeyFollowsItsCalibrationSamples() throws Exception {
        ConfigurationSpec c = configuration("[ { quantize: { mode: static-int8, calibration: { inputs: true } } } ]");
        var steps = c.optimizationSteps();
        String a = CachedOptimizations.calibrationKey(c, steps,
                new ModelOptimizations.CalibrationInputs(null, List.of("one sentence"), dir));
        String b = CachedOptimizations.calibrationKey(c, steps,
                new ModelOptimizations.CalibrationInputs(null, List.of("another sentence"), dir));
        assertTrue(!a.isEmpty() && !a.equals(b), "other texts, other calibration: " + a + " / " + b);
        Path data = Files.writeString(dir.resolve("calib.jsonl"), "{}\n");
        ConfigurationSpec fromFile = configuration("[ { quantize: { mode: static-int8, calibration: { dataset: "
                + data + " } } } ]");
        String before = CachedOptimizations.calibrationKey(fromFile, fromFile.optimizationSteps(), null);
        Files.writeString(data, "{\"x\": [1]}\n");
        assertTrue(!before.equals(CachedOptimizations.calibrationKey(fromFile, fromFile.optimizationSteps(), null)),
                "an edited dataset calibrates again");
        assertEquals("", CachedOptimizations.calibrationKey(c, configuration("[ { fp16: {} } ]").optimizationSteps(),
                null), "no calibrated step: no calibration key");
    }
}
