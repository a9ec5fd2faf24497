package io.inferbench.result;

import io.inferbench.api.Interval;

/**
 * A candidate configuration's latency compared with a baseline's. Ratios are candidate / baseline,
 * so below 1 means the candidate is faster.
 *
 * @param candidateId      the candidate configuration's id
 * @param baselineId       the baseline configuration's id
 * @param metric           the location metric behind {@link #ratio} and the verdict: {@code p50}, {@code p90},
 *                         {@code p99} or {@code mean}
 * @param ratio            candidate / baseline of that metric over all samples (forks merged)
 * @param ratioCi95        its 95% percentile-bootstrap interval (within-run variance only)
 * @param p99Ratio         candidate / baseline of the p99 latency
 * @param p99RatioCi95     its 95% percentile-bootstrap interval
 * @param mannWhitneyU     U of the candidate: pairs where the candidate is slower, plus half the ties
 * @param mannWhitneyP     two-sided p-value of the Mann–Whitney U test (normal approximation with tie
 *                         correction): could both latency samples come from one distribution?
 * @param cliffsDelta      Cliff's δ = P(candidate slower) − P(candidate faster), in [−1, 1]
 * @param cliffsMagnitude  {@code negligible}, {@code small}, {@code medium} or {@code large} (Romano et al. 2006)
 * @param verdict          the verdict at ±{@code tolerancePercent}
 * @param tolerancePercent the equivalence margin X: ratios in (1/(1+X), 1+X) count as equal
 * @param basis            what the verdict was computed from
 * @param verdictRatio     the ratio on that basis (for forks: the geometric mean of the fork values' ratio)
 * @param verdictCi90      its 90% interval: inside the margin means equivalent (TOST at 5% per side)
 * @param verdictCi95      its 95% interval: entirely below (above) 1 means faster (slower)
 * @param nA               the candidate's sample size on that basis: forks, or latency samples
 * @param nB               the baseline's sample size on that basis
 * @param samplesA         the candidate's latency samples (all forks), behind the ratios, U and δ
 * @param samplesB         the baseline's latency samples
 * @param resamples        bootstrap resamples behind the bootstrap intervals
 * @param summary          one line for people, e.g. {@code int8 is 1.62× faster than fp32 (…)}
 * @param differenceMs     candidate − baseline of the location metric, in milliseconds (a served row's
 *                         overhead over its in-process twin); NaN in results written before it
 * @param differenceCi95Ms its 95% percentile-bootstrap interval (within-run variance only); null when absent
 * @param mannWhitneyPHolm {@code mannWhitneyP} Holm-adjusted over every comparison of the run
 *                         ({@link ComparisonSettings#comparisons()} of them); null when not adjusted
 *                         (results written before the adjustment existed, or a comparison made alone)
 */
public record ComparisonResult(String candidateId, String baselineId, String metric,
                               double ratio, Interval ratioCi95, double p99Ratio, Interval p99RatioCi95,
                               double mannWhitneyU, double mannWhitneyP, double cliffsDelta, String cliffsMagnitude,
                               ComparisonVerdict verdict, double tolerancePercent, ComparisonBasis basis,
                               double verdictRatio, Interval verdictCi90, Interval verdictCi95,
                               long nA, long nB, long samplesA, long samplesB, int resamples, String summary,
                               double differenceMs, Interval differenceCi95Ms, Double mannWhitneyPHolm) {
    public ComparisonResult {
        if (differenceCi95Ms == null) {
            differenceMs = Double.NaN; // an older result read back: no difference, rather than a 0 that looks measured
        }
    }

    /** With the difference, not adjusted for the other comparisons of its run. */
    public ComparisonResult(String candidateId, String baselineId, String metric,
                            double ratio, Interval ratioCi95, double p99Ratio, Interval p99RatioCi95,
                            double mannWhitneyU, double mannWhitneyP, double cliffsDelta, String cliffsMagnitude,
                            ComparisonVerdict verdict, double tolerancePercent, ComparisonBasis basis,
                            double verdictRatio, Interval verdictCi90, Interval verdictCi95,
                            long nA, long nB, long samplesA, long samplesB, int resamples, String summary,
                            double differenceMs, Interval differenceCi95Ms) {
        this(candidateId, baselineId, metric, ratio, ratioCi95, p99Ratio, p99RatioCi95, mannWhitneyU, mannWhitneyP,
                cliffsDelta, cliffsMagnitude, verdict, tolerancePercent, basis, verdictRatio, verdictCi90,
                verdictCi95, nA, nB, samplesA, samplesB, resamples, summary, differenceMs, differenceCi95Ms, null);
    }

    /** Without the difference, Holm-adjusted or not ({@code mannWhitneyPHolm} null). */
    public ComparisonResult(String candidateId, String baselineId, String metric,
                            double ratio, Interval ratioCi95, double p99Ratio, Interval p99RatioCi95,
                            double mannWhitneyU, double mannWhitneyP, double cliffsDelta, String cliffsMagnitude,
                            ComparisonVerdict verdict, double tolerancePercent, ComparisonBasis basis,
                            double verdictRatio, Interval verdictCi90, Interval verdictCi95,
                            long nA, long nB, long samplesA, long samplesB, int resamples, String summary,
                            Double mannWhitneyPHolm) {
        this(candidateId, baselineId, metric, ratio, ratioCi95, p99Ratio, p99RatioCi95, mannWhitneyU, mannWhitneyP,
                cliffsDelta, cliffsMagnitude, verdict, tolerancePercent, basis, verdictRatio, verdictCi90,
                verdictCi95, nA, nB, samplesA, samplesB, resamples, summary, Double.NaN, null, mannWhitneyPHolm);
    }

    /** A comparison without the difference, as results before it were written. */
    public ComparisonResult(String candidateId, String baselineId, String metric,
                            double ratio, Interval ratioCi95, double p99Ratio, Interval p99RatioCi95,
                            double mannWhitneyU, double mannWhitneyP, double cliffsDelta, String cliffsMagnitude,
                            ComparisonVerdict verdict, double tolerancePercent, ComparisonBasis basis,
                            double verdictRatio, Interval verdictCi90, Interval verdictCi95,
                            long nA, long nB, long samplesA, long samplesB, int resamples, String summary) {
        this(candidateId, baselineId, metric, ratio, ratioCi95, p99Ratio, p99RatioCi95, mannWhitneyU, mannWhitneyP,
                cliffsDelta, cliffsMagnitude, verdict, tolerancePercent, basis, verdictRatio, verdictCi90,
                verdictCi95, nA, nB, samplesA, samplesB, resamples, summary, Double.NaN, null, null);
    }

    /** This comparison with its p-value Holm-adjusted over its run's comparisons. */
    public ComparisonResult withHolmAdjustedP(double adjusted) {
        return new ComparisonResult(candidateId, baselineId, metric, ratio, ratioCi95, p99Ratio, p99RatioCi95,
                mannWhitneyU, mannWhitneyP, cliffsDelta, cliffsMagnitude, verdict, tolerancePercent, basis,
                verdictRatio, verdictCi90, verdictCi95, nA, nB, samplesA, samplesB, resamples, summary, differenceMs,
                differenceCi95Ms, adjusted);
    }
}
