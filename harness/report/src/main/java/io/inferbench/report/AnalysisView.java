package io.inferbench.report;

import io.inferbench.result.ComparisonBasis;
import io.inferbench.result.ComparisonResult;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.api.Interval;
import io.inferbench.result.RecommendationResult;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The analysis of a run as the templates see it: each configuration compared with the baseline,
 * and the recommendation under the scenario's constraints. Every string is plain text.
 *
 * @param comparisons    one row per comparison, in the result's order; empty when none were made
 * @param recommendation the recommendation; null when the run was not analysed
 * @param agreements     output agreement rows
 * @param ratioHeader    the ratio column's heading: {@code Median ratio}, {@code p90 ratio}, …
 * @param settings       how the comparisons were made, one sentence, e.g. {@code Compared on the median
 *                       with a ±5% equivalence margin; Mann–Whitney p-values Holm-adjusted over 3
 *                       comparisons.}; null in results that did not record it
 * @param holm           whether the p-values shown are Holm-adjusted
 */
record AnalysisView(List<Comparison> comparisons, Recommendation recommendation, List<AgreementRow> agreements,
                    String ratioHeader, String settings, boolean holm) {
    /** At most this many differences lead the headline. */
    static final int HEADLINE_DIFFERENCES = 3;

    /**
     * One comparison row.
     *
     * @param candidate       the candidate's label
     * @param candidateId     its id (for the link to its details)
     * @param colour          its chart colour, or null
     * @param baseline        the baseline's label
     * @param baselineId      its id
     * @param metric          {@code p50} or {@code mean}
     * @param ratio           candidate / baseline of that metric, e.g. {@code 0.62×}
     * @param ratioCi         its 95% interval as {@code 0.61–0.63}; null when unknown
     * @param p99Ratio        candidate / baseline of the p99
     * @param p99RatioCi      its 95% interval; null when unknown
     * @param verdict         FASTER, SLOWER, EQUIVALENT or INCONCLUSIVE
     * @param verdictClass    lower-case verdict, for CSS
     * @param tolerance       the equivalence margin, e.g. {@code ±5%}
     * @param p               Mann–Whitney p, e.g. {@code < 0.001}: Holm-adjusted when the run adjusted it
     * @param pRaw            the unadjusted p beside an adjusted one, e.g. {@code raw 0.012}; null otherwise
     * @param delta           Cliff's δ with its sign, e.g. {@code −0.48}
     * @param magnitude       negligible, small, medium or large
     * @param basis           {@code forks} or {@code within-run bootstrap}
     * @param basisNote       what the basis means, for a tooltip
     * @param n               sample sizes on that basis, e.g. {@code 3 / 3 forks}
     * @param summary         the comparison's one-line summary
     */
    record Comparison(String candidate, String candidateId, String colour, String baseline, String baselineId,
                      String metric, String ratio, String ratioCi, String p99Ratio, String p99RatioCi,
                      String verdict, String verdictClass, String tolerance, String p, String pRaw, String delta,
                      String magnitude, String basis, String basisNote, String n, String summary) {
    }

    /**
     * The recommendation.
     *
     * @param best        the recommended configuration's label; null when none meets the constraints
     * @param bestId      its id; null with it
     * @param colour      its chart colour, or null
     * @param reason      why it won, or why nothing did
     * @param objective   what was optimised
     * @param constraints the constraints as applied, one line each
     * @param paretoFront the labels of the configurations no other one dominates
     * @param losers      every other configuration with its reason
     */
    record Recommendation(String best, String bestId, String colour, String reason, String objective,
                          List<String> constraints, List<Member> paretoFront, List<Loser> losers) {
    }

    /**
     * A configuration on the Pareto front.
     *
     * @param label  its label
     * @param id     its id
     * @param colour its chart colour, or null
     * @param best   true for the recommended one
     */
    record Member(String label, String id, String colour, boolean best) {
    }

    /**
     * A configuration that was not recommended.
     *
     * @param label  its label
     * @param id     its id
     * @param colour its chart colour, or null
     * @param reason why
     */
    record Loser(String label, String id, String colour, String reason) {
    }

    /**
     * One output of one configuration against its reference, formatted.
     *
     * @param pooled    the pooled-embedding cosine (mean over rows) of a text encoder's output; null otherwise
     * @param pooledMin the lowest pooled cosine; null with {@code pooled}
     */
    record AgreementRow(String candidate, String candidateId, String colour, String reference, String referenceId,
                        String output, int samples, String maxAbs, String meanAbs, String cosine, String minCosine,
                        String top1, String pooled, String pooledMin) {
    }

    static AnalysisView of(List<ComparisonResult> comparisons, RecommendationResult rec,
                           List<ConfigurationResult> configs, Map<String, String> colours) {
        return of(comparisons, rec, List.of(), configs, colours);
    }

    static AnalysisView of(List<ComparisonResult> comparisons, RecommendationResult rec,
                           List<io.inferbench.result.AgreementResult> agreements,
                           List<ConfigurationResult> configs, Map<String, String> colours) {
        return of(new io.inferbench.result.RunSummary(comparisons, rec, agreements, List.of()), configs, colours);
    }

    /** The analysis of a run's summary. */
    static AnalysisView of(io.inferbench.result.RunSummary summary, List<ConfigurationResult> configs,
                           Map<String, String> colours) {
        List<ComparisonResult> comparisons = summary.comparisons();
        RecommendationResult rec = summary.recommendation();
        List<io.inferbench.result.AgreementResult> agreements = summary.agreements();
        Map<String, String> labels = configs.stream().filter(c -> c.id() != null)
                .collect(Collectors.toMap(ConfigurationResult::id, ConfigurationView::label, (a, b) -> a));
        Function<String, String> label = id -> labels.getOrDefault(id, Formats.text(id));
        List<Comparison> rows = comparisons.stream().filter(c -> c != null)
                .map(c -> comparison(c, label, colours)).toList();
        Recommendation recommendation = rec == null ? null : new Recommendation(
                rec.bestId() == null ? null : label.apply(rec.bestId()), rec.bestId(),
                rec.bestId() == null ? null : colours.get(rec.bestId()),
                Formats.text(rec.reason()), rec.objective() == null || rec.objective().isBlank() ? null
                : rec.objective(), rec.constraints(),
                rec.paretoFront().stream().map(id -> new Member(label.apply(id), id, colours.get(id),
                        id.equals(rec.bestId()))).toList(),
                rec.losers().stream().filter(l -> l != null).map(l -> new Loser(label.apply(l.id()), l.id(),
                        colours.get(l.id()), Formats.text(l.reason()))).toList());
        List<AgreementRow> agree = agreements.stream().filter(a -> a != null).map(a -> new AgreementRow(
                label.apply(a.candidateId()), a.candidateId(), colours.get(a.candidateId()),
                label.apply(a.referenceId()), a.referenceId(), a.output(), a.samples(), sci(a.maxAbsError()),
                sci(a.meanAbsError()), String.format(java.util.Locale.ROOT, "%.6f", a.meanCosine()),
                String.format(java.util.Locale.ROOT, "%.6f", a.minCosine()),
                Double.isNaN(a.top1Agreement()) ? "—" : String.format(java.util.Locale.ROOT, "%.1f%%",
                        100 * a.top1Agreement()), a.pooled() ? cosine(a.pooledMeanCosine()) : null,
                a.pooled() && a.pooledMinCosine() != null ? cosine(a.pooledMinCosine()) : null)).toList();
        return new AnalysisView(rows, recommendation, agree, ComparisonSettingsText.ratioHeader(summary),
                ComparisonSettingsText.sentence(summary),
                summary.comparisonSettings() != null && summary.comparisonSettings().adjusted());
    }

    private static String cosine(double c) {
        return String.format(Locale.ROOT, "%.6f", c);
    }

    /** Small errors in scientific notation: 3.2e-06. */
    static String sci(double v) {
        return Double.isNaN(v) ? "—" : v == 0 ? "0" : String.format(java.util.Locale.ROOT, "%.1e", v);
    }

    /**
     * The summaries of the biggest differences, largest |log ratio| first, at most
     * {@link #HEADLINE_DIFFERENCES}; comparisons without a finite ratio or summary are left out.
     */
    static List<String> biggestDifferences(List<ComparisonResult> comparisons) {
        return comparisons.stream()
                .filter(c -> c != null && c.summary() != null && !c.summary().isBlank()
                        && Double.isFinite(c.ratio()) && c.ratio() > 0)
                .sorted(Comparator.comparingDouble((ComparisonResult c) -> -Math.abs(Math.log(c.ratio()))))
                .limit(HEADLINE_DIFFERENCES).map(c -> c.summary().strip()).toList();
    }

    private static Comparison comparison(ComparisonResult c, Function<String, String> label,
                                         Map<String, String> colours) {
        String verdict = c.verdict() == null ? "INCONCLUSIVE" : c.verdict().name();
        boolean forks = c.basis() == ComparisonBasis.FORKS;
        String unit = forks ? " forks" : " samples";
        return new Comparison(label.apply(c.candidateId()), Formats.text(c.candidateId()),
                colours.get(c.candidateId()), label.apply(c.baselineId()), Formats.text(c.baselineId()),
                c.metric() == null || c.metric().isBlank() ? "p50" : c.metric(), ratio(c.ratio()),
                ratioRange(c.ratioCi95()), ratio(c.p99Ratio()), ratioRange(c.p99RatioCi95()), verdict,
                ConfigurationView.cssClass(verdict),
                Double.isFinite(c.tolerancePercent()) ? "±" + NiceScale.label(c.tolerancePercent()) + "%" : null,
                pValue(c.mannWhitneyPHolm() != null ? c.mannWhitneyPHolm() : c.mannWhitneyP()),
                c.mannWhitneyPHolm() == null ? null : "raw " + pValue(c.mannWhitneyP()),
                signed(c.cliffsDelta()), Formats.text(c.cliffsMagnitude()),
                c.basis() == null ? Formats.MISSING : forks ? "forks" : "within-run bootstrap",
                c.basis() == null ? null : forks ? "Verdict from the forks' per-fork values: run-to-run variance "
                        + "included." : "Verdict from a bootstrap of the pooled samples: within-run variance only, "
                        + "so it may not survive a rerun in a fresh JVM.",
                Formats.count(c.nA()) + " / " + Formats.count(c.nB()) + unit,
                c.summary() == null || c.summary().isBlank() ? null : c.summary().strip());
    }

    /** A ratio as {@code 0.62×}: three significant digits. */
    static String ratio(double r) {
        if (!Double.isFinite(r)) {
            return Formats.MISSING;
        }
        return (r >= 10 ? String.format(Locale.ROOT, "%.1f", r) : r >= 1 ? String.format(Locale.ROOT, "%.2f", r)
                : String.format(Locale.ROOT, "%.3f", r)) + "×";
    }

    /** A ratio interval as {@code 0.611–0.634}, or null when it is unknown. */
    static String ratioRange(Interval ci) {
        if (ci == null || !Double.isFinite(ci.low()) || !Double.isFinite(ci.high())) {
            return null;
        }
        return ratio(ci.low()).replace("×", "") + "–" + ratio(ci.high()).replace("×", "") + (ci.bounded() ? "" : " †");
    }

    /** A p-value: {@code 0.034}, {@code < 0.001}. */
    static String pValue(double p) {
        if (!Double.isFinite(p)) {
            return Formats.MISSING;
        }
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, p < 0.01 ? "%.4f" : "%.3f", p);
    }

    /** A signed number in [−1, 1] with a real minus sign: {@code −0.48}, {@code +0.12}. */
    static String signed(double v) {
        if (!Double.isFinite(v)) {
            return Formats.MISSING;
        }
        String s = String.format(Locale.ROOT, "%+.2f", v);
        return s.equals("+0.00") || s.equals("-0.00") ? "0.00" : s.replace('-', '−');
    }
}
