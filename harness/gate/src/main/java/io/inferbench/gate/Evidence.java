package io.inferbench.gate;

/**
 * What one test found for one series, on the statistics' scale of its metric (logarithms for
 * ratio metrics, points for accuracy), before the night's multiple-testing correction.
 *
 * @param delta            tonight's value less the expected one (the history's mean, or the latest
 *                         run's value); positive means higher
 * @param standardError    the standard error of {@code delta} under "nothing changed"; infinite when
 *                         nothing is known of the noise, 0 when the history never moved
 * @param degreesOfFreedom of the t distribution {@code delta / standardError} follows; infinite for the normal
 * @param historyRuns      earlier runs the test used
 * @param method           how the noise was estimated
 */
record Evidence(double delta, double standardError, double degreesOfFreedom, int historyRuns, Method method) {
    Evidence {
        if (!Double.isFinite(delta) || !(standardError >= 0) || !(degreesOfFreedom > 0)) {
            throw new IllegalArgumentException("evidence needs a finite delta, a standard error >= 0 and positive"
                    + " degrees of freedom, got " + delta + ", " + standardError + ", " + degreesOfFreedom);
        }
    }

    /** Nothing is known of the noise: the change is stated, never significant. */
    static Evidence untestable(double delta, int historyRuns) {
        return new Evidence(delta, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, historyRuns,
                Method.THRESHOLD_ONLY);
    }

    /** Whether it enters the night's family of tests (an untestable one can never be rejected). */
    boolean testable() {
        return Double.isFinite(standardError);
    }

    /**
     * The one-sided p-value in the direction {@code delta} points: P(T ≥ |t|). A history that never
     * moved makes any move significant (p 0) and no move not (p 0.5, as for t = 0).
     */
    double pValue(StudentT t) {
        if (standardError == 0) {
            return delta == 0 ? 0.5 : 0;
        }
        if (!testable()) {
            return 0.5;
        }
        return t.upperTail(Math.abs(delta) / standardError, degreesOfFreedom);
    }
}
