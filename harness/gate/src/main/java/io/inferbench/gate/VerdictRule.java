package io.inferbench.gate;

/**
 * The rule that turns one test's evidence into a verdict: a regression needs the change beyond
 * the metric's threshold in the worse direction <em>and</em> significant at the night's α after
 * Holm's correction; an improvement, the same the other way; beyond the threshold without
 * significance is inconclusive; within it, unchanged. Neither condition alone would do: the
 * threshold alone fails a noisy series every few nights, significance alone flags changes too
 * small to matter once the history is quiet.
 */
final class VerdictRule {
    private final GateSettings settings;
    private final StudentT t;
    private final int familySize;

    /** @param familySize how many tests the night's Holm correction is over */
    VerdictRule(GateSettings settings, StudentT t, int familySize) {
        this.settings = settings;
        this.t = t;
        this.familySize = familySize;
    }

    Outcome outcome(MetricKind kind, Evidence evidence, double adjustedPValue) {
        double worse = kind.worseChange(evidence.delta());
        double threshold = settings.threshold(kind);
        boolean significant = adjustedPValue <= settings.alpha();
        if (worse > threshold && significant) {
            return Outcome.REGRESSION;
        }
        if (worse < -threshold && significant) {
            return Outcome.IMPROVEMENT;
        }
        return Math.abs(worse) > threshold ? Outcome.INCONCLUSIVE : Outcome.UNCHANGED;
    }

    Figures figures(MetricKind kind, Evidence evidence, double adjustedPValue) {
        ChangeScale scale = kind.scale();
        double delta = evidence.delta();
        double se = evidence.standardError();
        ConfidenceInterval ci95;
        if (evidence.testable()) {
            double half = t.quantile(0.975, evidence.degreesOfFreedom()) * se;
            ci95 = new ConfidenceInterval(scale.change(delta - half), scale.change(delta + half));
        } else {
            ci95 = new ConfidenceInterval(scale.change(Double.NEGATIVE_INFINITY), Double.POSITIVE_INFINITY);
        }
        double p = evidence.testable() ? evidence.pValue(t) : Double.NaN;
        return new Figures(scale.change(delta), ci95, settings.threshold(kind), p, adjustedPValue,
                evidence.historyRuns(), evidence.method(), minimumDetectableEffect(kind, evidence));
    }

    /**
     * The smallest true worsening reported as a regression with the settings' power. The rule
     * needs the observed change past both the threshold and the critical value of the first Holm
     * step (α / m, one-sided); a true change δ is observed with the series' noise around it, so δ
     * must exceed the larger of the two by the power's quantile of that noise.
     */
    private double minimumDetectableEffect(MetricKind kind, Evidence evidence) {
        if (!evidence.testable() || familySize == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double df = evidence.degreesOfFreedom();
        double se = evidence.standardError();
        double critical = t.quantile(1 - settings.alpha() / familySize, df) * se;
        double needed = Math.max(kind.worseDelta(settings.threshold(kind)), critical) + t.quantile(settings.power(), df) * se;
        return kind.worseChange(kind.direction().worseSign() * needed);
    }
}
