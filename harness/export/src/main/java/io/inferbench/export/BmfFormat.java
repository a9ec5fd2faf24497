package io.inferbench.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;

/**
 * Bencher Metric Format: {@code {benchmark: {measure: {value, lower_value, upper_value}}}}, one benchmark
 * per measured configuration ({@code scenario/configuration}), the 95% interval as lower and upper value.
 * Latency is in nanoseconds and throughput in operations per second, the units of Bencher's built-in
 * {@code latency} and {@code throughput} measures: {@code latency} is the p50, {@code latency-p99} the
 * p99. The other measures Bencher creates by name: {@code accuracy} (proportion), {@code peak-rss}
 * (bytes), {@code energy-per-inference} (joules). Configurations that failed or were skipped have no
 * figures and are left out.
 */
final class BmfFormat implements ExportFormat {
    private static final double NANOS_PER_MS = 1e6;

    @Override
    public String name() {
        return "bmf";
    }

    @Override
    public String extension() {
        return "json";
    }

    @Override
    public void write(ExportedRun run, Writer out) throws IOException {
        ObjectNode root = Json.NODES.objectNode();
        for (ConfigurationFigures c : run.configurations()) {
            if (!c.measured() || c.figures().isEmpty()) {
                continue;
            }
            ObjectNode benchmark = root.putObject(run.scenario() + "/" + (c.label().isBlank() ? c.id() : c.label()));
            for (Figure f : c.figures()) {
                if (!Double.isFinite(f.value())) {
                    continue;
                }
                double scale = f.metric() == Metric.P50 || f.metric() == Metric.P99 ? NANOS_PER_MS : 1;
                ObjectNode measure = benchmark.putObject(measure(f.metric()));
                measure.put("value", f.value() * scale);
                if (f.ci95() != null && Double.isFinite(f.ci95().low()) && Double.isFinite(f.ci95().high())) {
                    measure.put("lower_value", f.ci95().low() * scale);
                    measure.put("upper_value", f.ci95().high() * scale);
                }
            }
        }
        Json.write(root, out);
    }

    private static String measure(Metric m) {
        return switch (m) {
            case P50 -> "latency";
            case P99 -> "latency-p99";
            default -> m.key();
        };
    }
}
