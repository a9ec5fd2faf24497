package io.inferbench.report;

import io.inferbench.result.ComparisonSettings;
import io.inferbench.result.RunSummary;
import java.util.Locale;

/** How a run's comparisons were made, in the words the report states it. */
final class ComparisonSettingsText {
    private ComparisonSettingsText() {
    }

    /**
     * e.g. {@code Compared on the p99 with a ±2.5% equivalence margin; Mann–Whitney p-values
     * Holm-adjusted over 3 comparisons.}; null when the result did not record its settings.
     */
    static String sentence(RunSummary summary) {
        ComparisonSettings s = summary.comparisonSettings();
        if (s == null) {
            return null;
        }
        String on = "median".equals(s.metric()) ? "the median" : "the " + s.metric();
        String p = s.adjusted() ? "Mann–Whitney p-values Holm-adjusted over " + s.comparisons() + " comparisons"
                + " (the raw p beside each)"
                : s.comparisons() == 1 ? "one comparison, so its p-value is not adjusted"
                : "no comparisons";
        return "Compared on " + on + " with a ±" + NiceScale.label(s.marginPercent()) + "% equivalence margin (scenario "
                + "key compare); " + p + ".";
    }

    /** The ratio column's heading: {@code Median ratio} unless the run compared on another statistic. */
    static String ratioHeader(RunSummary summary) {
        ComparisonSettings s = summary.comparisonSettings();
        if (s != null && !"median".equals(s.metric())) {
            return s.metric() + " ratio";
        }
        // Older results: the comparisons' own metric key (p50 or mean).
        String metric = summary.comparisons().isEmpty() || summary.comparisons().get(0) == null ? null
                : summary.comparisons().get(0).metric();
        return metric == null || metric.isBlank() || "p50".equals(metric) ? "Median ratio"
                : metric.toLowerCase(Locale.ROOT) + " ratio";
    }
}
