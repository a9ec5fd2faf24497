package io.inferbench.export;

import io.inferbench.api.Interval;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.GateRecord;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * OpenMetrics text (the exposition format Prometheus scrapes as {@code application/openmetrics-text}):
 * one gauge family per metric in base units ({@code inferbench_latency_p50_seconds}, {@code inferbench_peak_rss_bytes}, ...), each with
 * HELP, TYPE and UNIT lines, labelled by {@code scenario} and {@code configuration}; its 95% interval as
 * {@code _ci95_low}/{@code _ci95_high} families. A stateset says how each configuration ended, an info
 * metric names the run, and with a gate record an info metric per verdict and a gauge whether the gate
 * passed. Label values escaped as the format requires; the text ends with {@code # EOF}.
 */
final class OpenMetricsFormat implements ExportFormat {
    private static final String PREFIX = "inferbench_";

    @Override
    public String name() {
        return "openmetrics";
    }

    @Override
    public String extension() {
        return "txt";
    }

    @Override
    public void write(ExportedRun run, Writer out) throws IOException {
        StringBuilder text = new StringBuilder();
        Map<String, String> runLabels = new LinkedHashMap<>();
        runLabels.put("scenario", run.scenario());
        runLabels.put("run", run.run().runId());
        family(text, PREFIX + "run", "info", null, "The run these figures are from.");
        sample(text, PREFIX + "run_info", runLabels, 1);
        status(run, text);
        for (Metric metric : Metric.values()) {
            figures(run, metric, text);
        }
        run.gate().ifPresent(g -> gate(run, g, text));
        text.append("# EOF\n");
        out.write(text.toString());
    }

    private static void status(ExportedRun run, StringBuilder text) {
        String name = PREFIX + "configuration_status";
        family(text, name, "stateset", null, "How each configuration of the run ended.");
        for (ConfigurationFigures c : run.configurations()) {
            for (ConfigurationStatus s : ConfigurationStatus.values()) {
                Map<String, String> labels = labels(run, c.label());
                labels.put(name, s.name().toLowerCase(Locale.ROOT));
                sample(text, name, labels, c.status() == s ? 1 : 0);
            }
        }
    }

    private static void figures(ExportedRun run, Metric metric, StringBuilder text) {
        List<Row> rows = run.figureRows().stream().filter(r -> r.figure().metric() == metric).toList();
        if (rows.isEmpty()) {
            return;
        }
        Family f = Family.of(metric);
        series(text, run, rows, f.name(), f.unit(), capitalized(metric.description()) + f.help(),
                r -> r.figure().value() / f.divisor());
        List<Row> withInterval = rows.stream().filter(r -> r.figure().ci95() != null).toList();
        if (!withInterval.isEmpty()) {
            series(text, run, withInterval, f.interval("low"), f.unit(), "Lower end of the 95% confidence interval of "
                    + metric.description() + ".", r -> bound(r.figure().ci95(), true) / f.divisor());
            series(text, run, withInterval, f.interval("high"), f.unit(), "Upper end of the 95% confidence interval of "
                    + metric.description() + ".", r -> bound(r.figure().ci95(), false) / f.divisor());
        }
        List<Row> sampled = rows.stream().filter(r -> r.figure().sampleSize() > 0).toList();
        if (!sampled.isEmpty()) {
            series(text, run, sampled, f.base() + "_sample_size", null, "What the estimate of " + metric.description()
                    + " rests on (latencies, queries, items).", r -> r.figure().sampleSize());
        }
    }

    private static void gate(ExportedRun run, GateRecord g, StringBuilder text) {
        Map<String, String> runLabels = labels(run, null);
        runLabels.remove("configuration");
        family(text, PREFIX + "gate_passed", "gauge", null, "1 when the regression gate passed, 0 when it failed.");
        sample(text, PREFIX + "gate_passed", runLabels, g.passed() ? 1 : 0);
        family(text, PREFIX + "gate_regressions", "gauge", null, "Regressions that fail the gate.");
        sample(text, PREFIX + "gate_regressions", runLabels, g.failures().size());
        List<Row> judged = run.rows().stream().filter(r -> r.verdict() != null).toList();
        if (judged.isEmpty()) {
            return;
        }
        family(text, PREFIX + "gate_verdict", "info", null, "The gate's verdict on each configuration's metric.");
        for (Row r : judged) {
            Map<String, String> labels = labels(run, r.configuration());
            labels.put("metric", r.metric());
            labels.put("verdict", r.verdict().outcome().label());
            sample(text, PREFIX + "gate_verdict_info", labels, 1);
        }
        List<Row> changed = judged.stream().filter(r -> r.verdict().change() != null).toList();
        if (!changed.isEmpty()) {
            family(text, PREFIX + "gate_change", "gauge", null,
                    "The change the gate tested: current / baseline, or a difference in points for accuracy.");
            for (Row r : changed) {
                Map<String, String> labels = labels(run, r.configuration());
                labels.put("metric", r.metric());
                sample(text, PREFIX + "gate_change", labels, r.verdict().change());
            }
        }
    }

    private static void series(StringBuilder text, ExportedRun run, List<Row> rows, String name, String unit,
                               String help, ToDoubleFunction<Row> value) {
        family(text, name, "gauge", unit, help);
        for (Row r : rows) {
            sample(text, name, labels(run, r.configuration()), value.applyAsDouble(r));
        }
    }

    private static double bound(Interval ci, boolean low) {
        return low ? ci.low() : ci.high();
    }

    private static Map<String, String> labels(ExportedRun run, String configuration) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("scenario", run.scenario());
        if (configuration != null) {
            labels.put("configuration", configuration);
        }
        return labels;
    }

    private static void family(StringBuilder text, String name, String type, String unit, String help) {
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        if (unit != null) {
            text.append("# UNIT ").append(name).append(' ').append(unit).append('\n');
        }
        text.append("# HELP ").append(name).append(' ').append(escape(help)).append('\n');
    }

    private static void sample(StringBuilder text, String name, Map<String, String> labels, double value) {
        text.append(name);
        if (!labels.isEmpty()) {
            List<String> pairs = new ArrayList<>();
            labels.forEach((k, v) -> pairs.add(k + "=\"" + escape(v) + "\""));
            text.append('{').append(String.join(",", pairs)).append('}');
        }
        text.append(' ').append(Quantities.plain(value)).append('\n');
    }

    /** OpenMetrics' escaping of label values and HELP text: backslash, double quote, line feed. */
    static String escape(String s) {
        return String.valueOf(s).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A metric's family: its name in base units, and what the result's unit is divided by to get there. */
    private record Family(String base, String unit, double divisor, String help) {
        static Family of(Metric m) {
            return switch (m) {
                case P50 -> new Family(PREFIX + "latency_p50", "seconds", 1000, ", in seconds.");
                case P99 -> new Family(PREFIX + "latency_p99", "seconds", 1000, ", in seconds.");
                case THROUGHPUT -> new Family(PREFIX + "throughput_inferences_per_second", null, 1,
                        ", in inferences per second.");
                case ACCURACY -> new Family(PREFIX + "accuracy", "ratio", 1, ", a proportion in [0, 1].");
                case PEAK_RSS -> new Family(PREFIX + "peak_rss", "bytes", 1, ", in bytes.");
                case ENERGY_PER_INFERENCE -> new Family(PREFIX + "energy_per_inference", "joules", 1, ", in joules.");
            };
        }

        /** The family's name: the unit is its suffix, as OpenMetrics requires. */
        String name() {
            return unit == null ? base : base + "_" + unit;
        }

        String interval(String end) {
            return unit == null ? base + "_ci95_" + end : base + "_ci95_" + end + "_" + unit;
        }
    }
}
