package io.inferbench.report;

import io.inferbench.result.ComparisonResult;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.api.Interval;
import io.inferbench.result.PeakSearchResult;
import io.inferbench.result.PercentileEstimate;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.RecommendationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plain-language answer at the top of the report: which valid configuration has the lowest
 * median latency and which the highest throughput (with their confidence intervals and whether
 * the lead is clear), the peak load of every peak search, then one line for every configuration
 * that failed, was skipped, is invalid, overloaded or unstable, or had errors.
 *
 * <p>When the run was analysed it opens with the recommendation (which configuration, and why) and
 * the biggest differences between configurations with their confidence intervals.
 *
 * @param summary        e.g. {@code 3 configurations: 2 valid, 1 failed.}
 * @param recommendation the recommended configuration, or why none is; null when the run was not analysed
 * @param differences    the comparisons' one-line summaries, largest |log ratio| first, at most three
 * @param findings       the winners; empty when nothing valid was measured
 * @param problems       configurations that do not count, or counted with errors
 */
record Headline(String summary, Finding recommendation, List<String> differences, List<Finding> findings,
                List<Problem> problems) {
    /**
     * A winner.
     *
     * @param title         what it wins, e.g. {@code Lowest median latency}
     * @param configuration its label
     * @param colour        its chart colour
     * @param detail        the figure with its interval
     * @param note          how it compares with the runner-up; null when there is none
     */
    record Finding(String title, String configuration, String colour, String detail, String note) {
    }

    /**
     * A configuration that does not count, or counted despite errors.
     *
     * @param configuration its label
     * @param status        FAILED, SKIPPED, INVALID, NO VERDICT, OVERLOADED, UNSTABLE, NO PEAK or ERRORS
     * @param statusClass   lower-case status, for CSS
     * @param reason        why
     */
    record Problem(String configuration, String status, String statusClass, String reason) {
    }

    /** The headline of {@code configs}; {@code colours} maps configuration id to chart colour. */
    static Headline of(List<ConfigurationResult> configs, Map<String, String> colours) {
        return of(configs, List.of(), null, colours);
    }

    /** The headline of an analysed run: the recommendation and biggest differences first. */
    static Headline of(List<ConfigurationResult> configs, List<ComparisonResult> comparisons,
                       RecommendationResult recommendation, Map<String, String> colours) {
        List<Finding> findings = new ArrayList<>();
        // A peak search answers the question its scenario asked, so it leads.
        for (ConfigurationResult c : configs) {
            Finding peak = peak(c, colours);
            if (peak != null) {
                findings.add(peak);
            }
        }
        // Rank like with like: in a run of several models, the largest group fed the same inputs.
        List<ConfigurationResult> alike = io.inferbench.result.LikeConfigurations.largestGroup(configs);
        fastest(Ranking.byMedian(alike), colours, findings);
        busiest(Ranking.byThroughput(alike), colours, findings);
        long valid = configs.stream().filter(ConfigurationView::isValid).count();
        return new Headline(summary(configs, (int) valid), recommendation(configs, recommendation, colours),
                AnalysisView.biggestDifferences(comparisons), findings, HeadlineProblems.of(configs));
    }

    /** The recommendation as a finding: the best configuration and why; or why there is none. */
    private static Finding recommendation(List<ConfigurationResult> configs, RecommendationResult r,
                                          Map<String, String> colours) {
        if (r == null) {
            return null;
        }
        String reason = r.reason() == null || r.reason().isBlank() ? null : r.reason().strip();
        List<String> how = new ArrayList<>();
        if (r.objective() != null && !r.objective().isBlank()) {
            how.add("Objective: " + r.objective().strip());
        }
        if (!r.constraints().isEmpty()) {
            how.add("constraints: " + String.join(", ", r.constraints()));
        }
        String note = how.isEmpty() ? null : String.join("; ", how) + ".";
        if (r.bestId() == null) {
            return new Finding("Recommended", "none", null,
                    reason == null ? "no configuration meets the constraints" : reason, note);
        }
        String label = configs.stream().filter(c -> r.bestId().equals(c.id())).findFirst()
                .map(ConfigurationView::label).orElse(r.bestId());
        return new Finding("Recommended", label, colours.get(r.bestId()), reason == null ? "" : reason, note);
    }

    private static void fastest(List<ConfigurationResult> ranked, Map<String, String> colours, List<Finding> out) {
        if (ranked.isEmpty()) {
            return;
        }
        ConfigurationResult best = ranked.get(0);
        PercentileEstimate b = best.measurement().latency().percentile(50.0);
        String note = null;
        if (ranked.size() > 1) {
            ConfigurationResult next = ranked.get(1);
            PercentileEstimate n = next.measurement().latency().percentile(50.0);
            boolean clear = bounded(b.ci95Ms()) && bounded(n.ci95Ms()) && b.ci95Ms().high() < n.ci95Ms().low();
            note = (clear ? "Clearly lower than the runner-up, " : "Not clearly lower than the runner-up, ")
                    + label(next) + ", at " + withCi(n) + (clear ? ": the intervals do not overlap."
                    : ": the intervals overlap, so the difference may be noise.");
        }
        out.add(new Finding("Lowest median latency", label(best), colours.get(best.id()), "p50 " + withCi(b), note));
    }

    private static void busiest(List<ConfigurationResult> ranked, Map<String, String> colours, List<Finding> out) {
        if (ranked.isEmpty()) {
            return;
        }
        ConfigurationResult best = ranked.get(0);
        PhaseResult m = best.measurement();
        String ci = m.throughputCi95Qps() != null && m.throughputCi95Qps().bounded()
                ? "95% CI " + Formats.rate(m.throughputCi95Qps().low()) + "–"
                + Formats.rate(m.throughputCi95Qps().high()) + ", " : "";
        String detail = Formats.rate(m.throughputQps()) + " queries/s (" + ci + Formats.count(m.queries())
                + " queries in " + Formats.duration(m.durationMs()) + ")";
        String note = null;
        if (ranked.size() > 1) {
            ConfigurationResult next = ranked.get(1);
            double ratio = m.throughputQps() / next.measurement().throughputQps();
            note = "Runner-up: " + label(next) + " at " + Formats.rate(next.measurement().throughputQps())
                    + " queries/s" + (Double.isFinite(ratio) ? String.format(Locale.ROOT,
                    " (×%.2f)", ratio) : "") + ".";
        }
        out.add(new Finding("Highest throughput", label(best), colours.get(best.id()), detail, note));
    }

    /**
     * The peak a search found, e.g. {@code Peak rate under p99 ≤ 50 ms: 37.5 q/s (8 probes)}, with
     * how closely it was bracketed; null when {@code c} is no peak search or found nothing (that is
     * a problem line instead).
     */
    private static Finding peak(ConfigurationResult c, Map<String, String> colours) {
        PeakSearchResult p = c.phases().peak();
        if (c.status() != ConfigurationStatus.OK || p == null || !PeakView.found(p)) {
            return null;
        }
        String percentile = Formats.percentile(p.percentile());
        String title = "Peak " + ("concurrency".equals(p.searched()) ? "concurrency" : "rate") + " under "
                + Formats.objective(p.percentile(), p.sloMs());
        String detail = Formats.load(p.searched(), p.peak()) + " (" + p.probes().size()
                + (p.probes().size() == 1 ? " probe)" : " probes)");
        StringBuilder note = new StringBuilder();
        p.probes().stream().filter(x -> PeakView.isPeak(p, x)).findFirst().ifPresent(x -> note.append("At the peak: ")
                .append(percentile).append(' ').append(Formats.ms(x.latencyMs())).append(" ms, ")
                .append(Formats.rate(x.throughputQps())).append(" q/s completed."));
        // The lowest load that broke the objective brackets the peak from above: how precise the answer is.
        p.probes().stream().filter(x -> !x.meetsSlo() && x.load() > p.peak())
                .min((a, b) -> Double.compare(a.load(), b.load()))
                .ifPresent(x -> note.append(note.length() > 0 ? " " : "").append("The next load tried, ")
                        .append(Formats.load(p.searched(), x.load())).append(", missed it (").append(percentile)
                        .append(' ').append(Formats.ms(x.latencyMs())).append(" ms)."));
        if (!ConfigurationView.isValid(c)) {
            note.append(" The peak probe's measurement is ").append(ConfigurationView.status(c))
                    .append(": see below.");
        }
        return new Finding(title, label(c), colours.get(c.id()), detail, note.length() == 0 ? null : note.toString().strip());
    }

    private static String summary(List<ConfigurationResult> configs, int valid) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("valid", valid);
        for (ConfigurationResult c : configs) {
            if (!ConfigurationView.isValid(c)) {
                counts.merge(ConfigurationView.status(c).toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((k, n) -> {
            if (n > 0 || k.equals("valid")) {
                parts.add(n + " " + k);
            }
        });
        int n = configs.size();
        return n + (n == 1 ? " configuration: " : " configurations: ") + String.join(", ", parts) + ".";
    }

    private static String withCi(PercentileEstimate e) {
        String range = bounded(e.ci95Ms()) ? Formats.range(e.ci95Ms()) : null;
        return Formats.ms(e.valueMs()) + " ms" + (range == null ? " (sample too small to bound a 95% CI)"
                : " (95% CI " + range + ")");
    }

    private static boolean bounded(Interval ci) {
        return ci != null && ci.bounded();
    }

    private static String label(ConfigurationResult c) {
        return ConfigurationView.label(c);
    }
}
