package io.inferbench.report;

import io.inferbench.compare.Comparison;
import io.inferbench.compare.ComparisonOptions;
import io.inferbench.compare.LatencySample;
import io.inferbench.result.ComparisonResult;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.PercentileEstimate;
import io.inferbench.result.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A site's comparison of a run with the previous run of its scenario: configurations matched by label. */
final class RunComparisons {
    /** Comparisons between consecutive runs: fewer resamples than a run's own analysis, same method. */
    static final ComparisonOptions SITE_COMPARISON = ComparisonOptions.defaults().withResamples(500);

    private RunComparisons() {
    }

    /** {@code newer} against {@code older}, with links to their pages ({@code slug}s under {@code runs/}). */
    static RunComparisonView of(RunResult newer, String newerSlug, RunResult older, String olderSlug) {
        return of(newer, samples(newer), newerSlug, older, samples(older), olderSlug);
    }

    /**
     * Each comparable configuration's latencies ({@link LatencySample}, decoded from the result's
     * histograms) by label: decoded once, a site's run is compared with the previous run and the
     * next one.
     */
    static Map<String, LatencySample> samples(RunResult run) {
        Map<String, LatencySample> out = new LinkedHashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ConfigurationResult c : run.configurations()) {
            // The first configuration of a label is the one compared, as in of(...) below.
            if (seen.add(ConfigurationView.label(c)) && SiteRun.measured(c) && c.measurement().histogram() != null) {
                out.put(ConfigurationView.label(c), LatencySample.of(c));
            }
        }
        return out;
    }

    /** As {@link #of(RunResult, String, RunResult, String)}, with both runs' {@link #samples}. */
    static RunComparisonView of(RunResult newer, Map<String, LatencySample> newerSamples, String newerSlug,
                                RunResult older, Map<String, LatencySample> olderSamples, String olderSlug) {
        Map<String, ConfigurationResult> before = new LinkedHashMap<>();
        older.configurations().forEach(c -> before.putIfAbsent(ConfigurationView.label(c), c));
        Map<String, ConfigurationResult> after = new LinkedHashMap<>();
        newer.configurations().forEach(c -> after.putIfAbsent(ConfigurationView.label(c), c));
        List<String> labels = new ArrayList<>(after.keySet());
        before.keySet().stream().filter(l -> !after.containsKey(l)).forEach(labels::add);
        List<RunComparisonView.Row> rows = new ArrayList<>();
        for (String label : labels) {
            ConfigurationResult a = after.get(label);
            ConfigurationResult b = before.get(label);
            boolean ma = SiteRun.measured(a);
            boolean mb = SiteRun.measured(b);
            String bText = b == null ? "not in this run" : mb ? p50Text(b) : ConfigurationView.status(b);
            String aText = a == null ? "not in this run" : ma ? p50Text(a) : ConfigurationView.status(a);
            if (!ma || !mb || a.measurement().histogram() == null || b.measurement().histogram() == null) {
                rows.add(new RunComparisonView.Row(label, bText, aText, Formats.MISSING, null, Formats.MISSING,
                        "NOT COMPARED", "unknown", null));
                continue;
            }
            ComparisonResult c = Comparison.compare(newerSamples.get(label), olderSamples.get(label), SITE_COMPARISON);
            String verdict = c.verdict() == null ? "INCONCLUSIVE" : c.verdict().name();
            rows.add(new RunComparisonView.Row(label, bText, aText, AnalysisView.ratio(c.ratio()),
                    AnalysisView.ratioRange(c.ratioCi95()), AnalysisView.ratio(c.p99Ratio()), verdict,
                    ConfigurationView.cssClass(verdict), "p50 " + AnalysisView.ratio(c.ratio()) + " of the previous "
                    + "run's (95% CI " + AnalysisView.ratioRange(c.ratioCi95()) + "), Mann–Whitney p "
                    + AnalysisView.pValue(c.mannWhitneyP()) + ", Cliff's δ " + AnalysisView.signed(c.cliffsDelta())));
        }
        String run = Formats.text(newer.runId());
        return new RunComparisonView("InferBench: " + run + " vs " + Formats.text(older.runId()), run,
                "../runs/" + newerSlug + ".html", Formats.text(older.runId()), "../runs/" + olderSlug + ".html", rows);
    }

    private static String p50Text(ConfigurationResult c) {
        PercentileEstimate p = c.measurement().latency().percentile(50.0);
        String ci = Formats.range(p.ci95Ms());
        return Formats.ms(p.valueMs()) + " ms" + (ci == null ? "" : " (" + ci + ")");
    }
}
