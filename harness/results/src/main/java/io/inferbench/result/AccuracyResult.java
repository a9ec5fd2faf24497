package io.inferbench.result;

import io.inferbench.api.accuracy.AccuracyMetric;

import java.util.List;

/**
 * One accuracy task on one configuration.
 *
 * @param task       the task's name, e.g. {@code spam}
 * @param evaluator  the evaluator that ran it, e.g. {@code embedding-probe}
 * @param dataset    the data file as declared, or empty for generated items
 * @param status     OK, SKIPPED (the model does not fit the task) or FAILED (the evaluator broke)
 * @param note       why it was skipped or failed; null when OK
 * @param metrics    the figures, the main one first; empty unless OK
 * @param durationMs how long the task took (not a measurement: accuracy mode is never timed for results)
 */
public record AccuracyResult(String task, String evaluator, String dataset, Status status, String note,
                             List<AccuracyMetric> metrics, double durationMs) {
    /** How a task ended on a configuration. */
    public enum Status { OK, SKIPPED, FAILED }

    public AccuracyResult {
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
    }

    /** The main metric, or null unless OK with metrics. */
    public AccuracyMetric main() {
        return status == Status.OK && !metrics.isEmpty() ? metrics.get(0) : null;
    }
}
