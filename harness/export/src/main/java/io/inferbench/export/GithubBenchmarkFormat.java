package io.inferbench.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * github-action-benchmark's custom tools' JSON: an array of {@code {name, unit, value, range, extra}}.
 * One file feeds one tool, and the action alerts in one direction per tool, so the figures are split:
 * {@code github-benchmark} ({@code tool: customSmallerIsBetter}) carries p50 and p99 latency (ms), peak
 * RSS (MiB) and energy per inference (J); {@code github-benchmark-bigger} ({@code tool:
 * customBiggerIsBetter}) carries throughput (inferences/s) and accuracy (%). Configurations that failed
 * or were skipped have no figure and no entry: a placeholder value would chart as a measurement.
 */
final class GithubBenchmarkFormat implements ExportFormat {
    static final GithubBenchmarkFormat SMALLER_IS_BETTER = new GithubBenchmarkFormat("github-benchmark",
            Set.of(Metric.P50, Metric.P99, Metric.PEAK_RSS, Metric.ENERGY_PER_INFERENCE));
    static final GithubBenchmarkFormat BIGGER_IS_BETTER = new GithubBenchmarkFormat("github-benchmark-bigger",
            Set.of(Metric.THROUGHPUT, Metric.ACCURACY));
    private static final double MIB = 1024.0 * 1024.0;

    private final String name;
    private final Set<Metric> metrics;

    private GithubBenchmarkFormat(String name, Set<Metric> metrics) {
        this.name = name;
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String extension() {
        return "json";
    }

    @Override
    public void write(ExportedRun run, Writer out) throws IOException {
        ArrayNode entries = Json.NODES.arrayNode();
        for (Row r : run.figureRows()) {
            Figure f = r.figure();
            if (metrics.contains(f.metric()) && Double.isFinite(f.value())) {
                entries.add(entry(run, r, f));
            }
        }
        Json.write(entries, out);
    }

    private static ObjectNode entry(ExportedRun run, Row r, Figure f) {
        String unit = chartUnit(f.metric());
        ObjectNode e = Json.NODES.objectNode();
        e.put("name", run.scenario() + " / " + r.configuration() + " / " + f.metric().key());
        e.put("unit", unit);
        e.put("value", scaled(f.metric(), f.value()));
        if (f.ci95() != null) {
            e.put("range", "95% CI [" + Quantities.number(scaled(f.metric(), f.ci95().low())) + ", "
                    + Quantities.number(scaled(f.metric(), f.ci95().high())) + "]"
                    + (f.ci95().bounded() ? "" : " unbounded"));
        }
        List<String> extra = new ArrayList<>();
        if (f.sampleSize() > 0) {
            extra.add("n = " + f.sampleSize());
        }
        extra.add("run " + run.run().runId() + ", configuration " + r.source().id());
        String backend = r.source().source().setup().backend();
        if (backend != null) {
            extra.add("backend " + backend);
        }
        e.put("extra", String.join("\n", extra));
        return e;
    }

    /** The units people read on the charts: memory in MiB, accuracy in percent, the rest as measured. */
    private static String chartUnit(Metric m) {
        return switch (m) {
            case PEAK_RSS -> "MiB";
            case ACCURACY -> "%";
            default -> m.unit();
        };
    }

    private static double scaled(Metric m, double value) {
        return switch (m) {
            case PEAK_RSS -> value / MIB;
            case ACCURACY -> value * 100;
            default -> value;
        };
    }
}
