package io.inferbench.gate;

/**
 * The figures behind an assessed verdict.
 *
 * @param change                  the change tested: a ratio (current / expected) for ratio metrics, a
 *                                difference in points for accuracy; with {@link Method#HISTORY_COMMON_MODE}
 *                                it is relative to the night's common shift
 * @param ci95                    its 95% interval, in the same units
 * @param threshold               the smallest change that counts, in the worse direction (relative, or points)
 * @param pValue                  one-sided p-value in the direction of the change; NaN for {@link Method#THRESHOLD_ONLY}
 * @param adjustedPValue          Holm-adjusted over the night's tests: significant when at most α; 1 when not tested
 * @param historyRuns             earlier runs used
 * @param method                  how significance was judged
 * @param minimumDetectableEffect the smallest worsening (relative, or points) this rule would report as a
 *                                regression with the stated power, given this series' noise, the threshold
 *                                and the night's number of tests; infinite when the noise is unknown
 */
public record Figures(double change, ConfidenceInterval ci95, double threshold, double pValue, double adjustedPValue,
                      int historyRuns, Method method, double minimumDetectableEffect) {
}
