package io.inferbench.compare;

import io.inferbench.result.ComparisonBasis;
import io.inferbench.result.ComparisonResult;
import io.inferbench.api.Interval;
import java.util.Locale;

/**
 * The one-line sentence of a comparison, e.g. {@code int8 is 1.62× faster than fp32 (median ratio
 * 0.617, 95% CI 0.603–0.631; Mann–Whitney p < 1e-9; Cliff's δ −0.94, large; verdict from 5 vs 5 forks)}.
 */
final class ComparisonSummary {
    /** Below this the normal approximation's p-value means nothing more precise than "tiny". */
    private static final double SMALLEST_P = 1e-9;

    private ComparisonSummary() {
    }

    static ComparisonResult withSummary(ComparisonResult r, String candidate, String baseline, LocationMetric metric) {
        return new ComparisonResult(r.candidateId(), r.baselineId(), r.metric(), r.ratio(), r.ratioCi95(),
                r.p99Ratio(), r.p99RatioCi95(), r.mannWhitneyU(), r.mannWhitneyP(), r.cliffsDelta(),
                r.cliffsMagnitude(), r.verdict(), r.tolerancePercent(), r.basis(), r.verdictRatio(), r.verdictCi90(),
                r.verdictCi95(), r.nA(), r.nB(), r.samplesA(), r.samplesB(), r.resamples(),
                sentence(r, candidate, baseline, metric), r.differenceMs(), r.differenceCi95Ms());
    }

    static String sentence(ComparisonResult r, String candidate, String baseline, LocationMetric metric) {
        String tolerance = "±" + number(r.tolerancePercent()) + "%";
        String head = switch (r.verdict()) {
            case FASTER -> candidate + " is " + times(1 / r.verdictRatio()) + " faster than " + baseline;
            case SLOWER -> candidate + " is " + times(r.verdictRatio()) + " slower than " + baseline;
            case EQUIVALENT -> candidate + " is equivalent to " + baseline + " within " + tolerance;
            case INCONCLUSIVE -> candidate + " vs " + baseline + ": inconclusive at " + tolerance;
        };
        return head + " (" + metric.word() + " ratio " + f3(r.ratio()) + ", 95% CI " + range(r.ratioCi95())
                + "; Mann–Whitney " + pValue(r.mannWhitneyP())
                + "; Cliff's δ " + signed(r.cliffsDelta()) + ", " + r.cliffsMagnitude()
                + "; " + basis(r) + ")";
    }

    private static String basis(ComparisonResult r) {
        if (r.basis() == ComparisonBasis.FORKS) {
            return String.format(Locale.ROOT, "verdict from %d vs %d forks: ratio %s, 90%% CI %s", r.nA(), r.nB(),
                    f3(r.verdictRatio()), range(r.verdictCi90()));
        }
        return String.format(Locale.ROOT, "verdict from %,d vs %,d samples of one run each", r.nA(), r.nB());
    }

    static String pValue(double p) {
        if (p < SMALLEST_P) {
            return "p < 1e-9";
        }
        return p < 0.001 ? String.format(Locale.ROOT, "p = %.1e", p) : String.format(Locale.ROOT, "p = %.3f", p);
    }

    private static String times(double x) {
        return String.format(Locale.ROOT, "%.2f×", x);
    }

    private static String range(Interval i) {
        return f3(i.low()) + "–" + f3(i.high());
    }

    private static String f3(double x) {
        return String.format(Locale.ROOT, "%.3f", x);
    }

    /** Two decimals with a true minus sign, as in typeset statistics. */
    private static String signed(double x) {
        return String.format(Locale.ROOT, "%.2f", x).replace('-', '−');
    }

    private static String number(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
    }
}
