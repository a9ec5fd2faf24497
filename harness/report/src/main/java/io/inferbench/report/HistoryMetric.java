package io.inferbench.report;

import java.util.function.Function;

/**
 * The metrics a scenario's history pages follow, each with its own chart, change detection and
 * page: the gate's metrics that every run has (median and p99 latency, throughput) and the first
 * accuracy task's main metric where the runs have one.
 */
enum HistoryMetric {
    P50("p50", "median latency", "", new SvgHistoryChart.Axis("Latency (ms)", "p50 (95% CI)", "p99"),
            SiteRun.Config::p50),
    P99("p99", "p99 latency", "p99/", new SvgHistoryChart.Axis("Latency (ms)", "p99 (95% CI)", null),
            SiteRun.Config::p99),
    THROUGHPUT("throughput", "throughput", "throughput/",
            new SvgHistoryChart.Axis("Throughput (queries/s)", "throughput", null),
            c -> c.qps() == null ? null : new SiteRun.Stat(c.qps(), null, null)),
    ACCURACY("accuracy", "accuracy", "accuracy/", new SvgHistoryChart.Axis("Accuracy (proportion)",
            "accuracy (95% CI)", null), SiteRun.Config::accuracy);

    private final String key;
    private final String words;
    private final String folder;
    private final SvgHistoryChart.Axis axis;
    private final Function<SiteRun.Config, SiteRun.Stat> value;

    HistoryMetric(String key, String words, String folder, SvgHistoryChart.Axis axis,
                  Function<SiteRun.Config, SiteRun.Stat> value) {
        this.key = key;
        this.words = words;
        this.folder = folder;
        this.axis = axis;
        this.value = value;
    }

    /** As the gate names it: {@code p50}, {@code p99}, {@code throughput}, {@code accuracy}. */
    String key() {
        return key;
    }

    /** In a sentence: {@code median latency}. */
    String words() {
        return words;
    }

    /** The page's folder under {@code scenarios/}: empty for p50, else e.g. {@code p99/}. */
    String folder() {
        return folder;
    }

    SvgHistoryChart.Axis axis() {
        return axis;
    }

    /** The metric of {@code c}, or null when it has none. */
    SiteRun.Stat of(SiteRun.Config c) {
        SiteRun.Stat s = value.apply(c);
        return s == null || !Double.isFinite(s.value()) ? null : s;
    }

    /** The value as the tables show it. */
    String format(double v) {
        return switch (this) {
            case P50, P99 -> Formats.ms(v) + " ms";
            case THROUGHPUT -> Formats.rate(v) + " /s";
            case ACCURACY -> String.format(java.util.Locale.ROOT, "%.2f%%", v * 100);
        };
    }
}
