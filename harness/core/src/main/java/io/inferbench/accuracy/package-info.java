/**
 * Accuracy, computed outside any timed region: each configuration's outputs on the first samples
 * are captured after its measurement, and compared with a reference configuration that had the
 * same inputs (agreement: max/mean absolute error, cosine similarity, top-1 agreement).
 */
package io.inferbench.accuracy;
