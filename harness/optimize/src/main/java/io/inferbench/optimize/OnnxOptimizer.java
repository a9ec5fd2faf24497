package io.inferbench.optimize;

import io.inferbench.api.optimize.OptimizationStep;
import io.inferbench.api.optimize.StepReport;

import io.inferbench.onnx.proto.OnnxProto.ModelProto;
import io.inferbench.api.optimize.OptimizationStep.Convert;
import io.inferbench.api.optimize.OptimizationStep.Fp16;
import io.inferbench.api.optimize.OptimizationStep.GraphOptimize;
import io.inferbench.api.optimize.OptimizationStep.Prune;
import io.inferbench.api.optimize.OptimizationStep.Quantize;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies optimization steps to an ONNX model, in order, each through its {@link StepRewriter}, timing it
 * and checking that what it wrote passes {@link OnnxChecks}. The pure-Java steps are built in; graph-optimize
 * (ONNX Runtime) and convert (the TensorFlow converter) are rejected with the reason until a rewriter for them
 * is plugged in with {@link #with}. Immutable; one instance may serve several threads if its rewriters can.
 */
public final class OnnxOptimizer {
    private final Map<Class<? extends OptimizationStep>, StepRewriter<?>> rewriters;

    private OnnxOptimizer(Map<Class<? extends OptimizationStep>, StepRewriter<?>> rewriters) {
        this.rewriters = Map.copyOf(rewriters);
    }

    /** The pure-Java steps: quantize (dynamic-int8), fp16, prune. */
    public static OnnxOptimizer pureJava() {
        return new OnnxOptimizer(Map.of(Quantize.class, new DynamicQuantizer(), Fp16.class, new Fp16Converter(),
                Prune.class, new MagnitudePruner()));
    }

    /** This optimizer with {@code rewriter} applying steps of {@code type} (replacing any before). */
    public <S extends OptimizationStep> OnnxOptimizer with(Class<S> type, StepRewriter<S> rewriter) {
        Map<Class<? extends OptimizationStep>, StepRewriter<?>> more = new HashMap<>(rewriters);
        more.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(rewriter, "rewriter"));
        return new OnnxOptimizer(more);
    }

    /** A model with the report of each step that made it. */
    public record Optimized(ModelProto model, List<StepReport> reports) {
        public Optimized {
            Objects.requireNonNull(model, "model");
            reports = List.copyOf(reports);
        }
    }

    /**
     * {@code steps} applied to {@code model} in order.
     *
     * @throws IllegalArgumentException if a step cannot be applied (unsupported here, or not to this model)
     * @throws IllegalStateException if a step wrote a model that breaks the ONNX checker's rules (a bug)
     */
    public Optimized apply(ModelProto model, List<OptimizationStep> steps) {
        ModelProto current = model;
        List<StepReport> reports = new ArrayList<>();
        for (OptimizationStep step : steps) {
            Optimized one = apply(current, step);
            current = one.model();
            reports.addAll(one.reports());
        }
        return new Optimized(current, reports);
    }

    /** One step applied to {@code model}. */
    public Optimized apply(ModelProto model, OptimizationStep step) {
        StepRewriter<OptimizationStep> rewriter = rewriterFor(step);
        long start = System.nanoTime();
        StepRewriter.Rewrite rewrite = rewriter.rewrite(model, step);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        OnnxChecks.requireValid(rewrite.model(), "the model written by step " + step.key());
        StepReport report = new StepReport(step, took, model.getSerializedSize(), rewrite.model().getSerializedSize(),
                rewrite.changed(), rewrite.leftAlone(), rewrite.achievedSparsity());
        return new Optimized(rewrite.model(), List.of(report));
    }

    @SuppressWarnings("unchecked")
    private StepRewriter<OptimizationStep> rewriterFor(OptimizationStep step) {
        StepRewriter<?> rewriter = rewriters.get(step.getClass());
        if (rewriter != null) {
            return (StepRewriter<OptimizationStep>) rewriter;
        }
        if (step instanceof GraphOptimize) {
            throw new IllegalArgumentException("graph-optimize: needs ONNX Runtime (its optimized model saved"
                    + " offline); it lands with the scenario integration in a later version");
        }
        if (step instanceof Convert) {
            throw new IllegalArgumentException("convert: the TensorFlow converter as a step lands with the scenario"
                    + " integration in a later version (inferbench convert does it today)");
        }
        throw new IllegalArgumentException(step.key() + ": no rewriter installed");
    }
}
