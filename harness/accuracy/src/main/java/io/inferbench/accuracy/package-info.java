/**
 * Accuracy, computed outside any timed region (MLPerf's accuracy mode), once per configuration after
 * its measurement:
 * <ul>
 *   <li>output agreement: each configuration's outputs on the first samples are captured and compared
 *       with a reference configuration that had the same inputs (max/mean absolute error, cosine
 *       similarity, top-1 agreement);</li>
 *   <li>task accuracy: the scenario's {@code accuracy:} tasks, each run by an {@link
 *       io.inferbench.api.accuracy.Evaluator} (a ServiceLoader plug-in; built-in ones in {@code .tasks})
 *       through {@link io.inferbench.accuracy.AccuracyEvaluation}, with intervals from {@link
 *       io.inferbench.accuracy.ConfidenceIntervals}, and each configuration's drop against the
 *       reference paired over the same items ({@link io.inferbench.accuracy.AccuracyDrops}).</li>
 * </ul>
 */
package io.inferbench.accuracy;

import io.inferbench.api.accuracy.Evaluator;
