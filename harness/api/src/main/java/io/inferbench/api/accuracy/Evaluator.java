package io.inferbench.api.accuracy;

import io.inferbench.api.OptionSpec;
import io.inferbench.api.TensorSpec;
import java.util.List;

/**
 * An accuracy task: runs a loaded model on its own inputs and scores the outputs. Plug-ins are
 * found with {@link java.util.ServiceLoader} ({@code META-INF/services/io.inferbench.api.accuracy.Evaluator}),
 * so a user adds a task by putting a jar with one on the class path and naming it in a scenario's
 * {@code accuracy.tasks[].evaluator}.
 *
 * <p>The harness calls {@link #evaluate} once per configuration, in the process that holds the
 * backend session (a forked child when {@code run.forks >= 1}), after the configuration's
 * measurement and outside any timed region. It never times an evaluator, and an evaluator that
 * throws only leaves a note on that configuration. Implementations must be stateless (one instance
 * serves every configuration) and deterministic for a given task seed, so that every configuration
 * is scored on the same items and their results can be paired.
 */
public interface Evaluator {
    /** The name scenarios use, kebab-case, e.g. {@code embedding-probe}. */
    String name();

    /** One line for {@code inferbench validate} and docs. */
    String description();

    /** Settings this evaluator accepts under a task's {@code options:}; validated when the scenario is read. */
    default List<OptionSpec> options() {
        return List.of();
    }

    /** Whether a task must name a {@code dataset:} file (true), or the evaluator makes its own items. */
    default boolean needsDataset() {
        return false;
    }

    /**
     * Reads a task's {@code dataset} as {@link #evaluate} will, without a model, and throws an
     * {@link java.io.IOException} whose message names the file and line and what was expected when
     * it could not ({@code data.tsv:12: expected label<TAB>text}). {@code inferbench validate} and
     * {@code run} call it before measuring, so a malformed dataset is bad input, not a failed task.
     * Blocking; reads the file once. By default there is nothing to check.
     */
    default void checkDataset(AccuracyTaskSpec task) throws java.io.IOException {
    }

    /**
     * Why this evaluator cannot judge a model with these inputs and outputs (the configuration is
     * then skipped with that note), or null when it can. Cheap; no inference.
     */
    String unsuitable(List<TensorSpec> inputs, List<TensorSpec> outputs);

    /**
     * Scores the model. Blocking; runs on one thread. May throw anything: the harness turns it into a
     * FAILED task with the message as its note.
     *
     * @return the metrics, first the main one (used for recommendations and accuracy drops)
     */
    List<AccuracyMetric> evaluate(EvaluationContext context) throws Exception;
}
