package io.inferbench.result;

import io.inferbench.api.Interval;

/**
 * How much a configuration's task accuracy falls below the reference configuration's, paired over
 * the same items: positive is worse than the reference.
 *
 * @param candidateId    the configuration compared
 * @param referenceId    the reference configuration ({@code accuracy.reference})
 * @param task           the task
 * @param metric         the metric compared (the task's main one)
 * @param referenceValue the reference's value
 * @param candidateValue the candidate's value
 * @param dropPoints     (reference − candidate) × 100: percentage points
 * @param interval       confidence interval of the drop, in points
 * @param confidence     its level, e.g. 0.95
 * @param pairedItems    items both were scored on
 * @param method         how the interval was computed
 */
public record AccuracyDropResult(String candidateId, String referenceId, String task, String metric,
                                 double referenceValue, double candidateValue, double dropPoints, Interval interval,
                                 double confidence, int pairedItems, String method) {
}
