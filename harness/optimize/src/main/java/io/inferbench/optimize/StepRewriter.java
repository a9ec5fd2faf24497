package io.inferbench.optimize;

import io.inferbench.api.optimize.OptimizationStep;
import io.inferbench.api.optimize.StepReport;

import io.inferbench.onnx.proto.OnnxProto.ModelProto;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Rewrites a model for one kind of step. The pure-Java rewriters live in this package; steps that need a
 * runtime (ONNX Runtime's graph optimizer, the TensorFlow converter) plug in through
 * {@link OnnxOptimizer#with(Class, StepRewriter)}. Called on one thread; must not modify its input.
 *
 * @param <S> the step type it takes
 */
public interface StepRewriter<S extends OptimizationStep> {
    /**
     * The rewritten model and what was done.
     *
     * @throws IllegalArgumentException if the step cannot apply to this model at all (say why)
     */
    Rewrite rewrite(ModelProto model, S step);

    /** A rewriter's answer: the new model, the nodes changed and left alone, the sparsity (pruning). */
    record Rewrite(ModelProto model, List<StepReport.ChangedNode> changed, List<StepReport.LeftAlone> leftAlone,
                   OptionalDouble achievedSparsity) {
        public Rewrite {
            Objects.requireNonNull(model, "model");
            changed = List.copyOf(changed);
            leftAlone = List.copyOf(leftAlone);
            Objects.requireNonNull(achievedSparsity, "achievedSparsity");
        }
    }
}
