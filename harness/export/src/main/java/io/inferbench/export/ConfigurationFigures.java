package io.inferbench.export;

import io.inferbench.api.accuracy.AccuracyMetric;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.LatencySummary;
import io.inferbench.result.PercentileEstimate;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.UtilizationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One configuration of a run and the figures it measured, in {@link Metric} order.
 *
 * @param id      e.g. {@code c01}
 * @param label   e.g. {@code precision=int8 threads=2}: what configurations are matched by
 * @param status  how it ended; a result that does not record it counts as OK when it measured something
 * @param reason  why it failed or was skipped; null when measured
 * @param figures what it measured; empty unless measured
 * @param source  the result it came from
 */
public record ConfigurationFigures(String id, String label, ConfigurationStatus status, String reason,
                                   List<Figure> figures, ConfigurationResult source) {
    private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");

    public ConfigurationFigures {
        figures = List.copyOf(figures);
    }

    /** The figures of {@code c}: latency and throughput of its measurement, accuracy, memory and energy where present. */
    public static ConfigurationFigures of(ConfigurationResult c) {
        PhaseResult m = c.measurement();
        ConfigurationStatus status = c.status() != null ? c.status()
                : m != null ? ConfigurationStatus.OK : ConfigurationStatus.FAILED;
        String reason = c.outcome() == null ? (m == null ? "the result records no outcome" : null)
                : withoutTerminalEscapes(c.outcome().reason());
        List<Figure> figures = new ArrayList<>();
        if (status != ConfigurationStatus.OK) {
            // What a failed configuration left behind (a fork's phase) is no measurement of it.
            return new ConfigurationFigures(c.id(), c.label(), status, reason, figures, c);
        }
        if (m != null) {
            LatencySummary latency = m.latency();
            if (latency != null) {
                percentile(latency, 50.0, Metric.P50).ifPresent(figures::add);
                percentile(latency, 99.0, Metric.P99).ifPresent(figures::add);
            }
            if (Double.isFinite(m.throughputQps())) {
                figures.add(new Figure(Metric.THROUGHPUT, m.throughputQps(), m.throughputCi95Qps(), m.queries()));
            }
        }
        AccuracyMetric accuracy = c.mainAccuracy();
        if (accuracy != null && Double.isFinite(accuracy.value())) {
            figures.add(new Figure(Metric.ACCURACY, accuracy.value(), accuracy.interval(), accuracy.sampleSize()));
        }
        UtilizationResult u = c.resources().utilization();
        if (u != null && u.peakRssBytes() > 0) {
            figures.add(new Figure(Metric.PEAK_RSS, u.peakRssBytes(), null, 0));
        }
        if (u != null && m != null) {
            // Per sample of the measured phase, as the report and the recommendation count it.
            double joules = u.joulesPerInference("measurement", m.samples());
            if (Double.isFinite(joules)) {
                figures.add(new Figure(Metric.ENERGY_PER_INFERENCE, joules, null, m.samples()));
            }
        }
        return new ConfigurationFigures(c.id(), c.label(), status, reason, figures, c);
    }

    private static Optional<Figure> percentile(LatencySummary latency, double p, Metric metric) {
        PercentileEstimate e = latency.percentile(p);
        return e == null || !Double.isFinite(e.valueMs()) ? Optional.empty()
                : Optional.of(new Figure(metric, e.valueMs(), e.ci95Ms(), latency.count()));
    }

    /** A crashed fork's stderr tail may carry terminal colours: text for files, not for terminals. */
    private static String withoutTerminalEscapes(String s) {
        return s == null ? null : ANSI_ESCAPE.matcher(s).replaceAll("");
    }

    /** True when it measured (status OK): its figures are a measurement, not a failure's leftovers. */
    public boolean measured() {
        return status == ConfigurationStatus.OK;
    }

    /** The figure of {@code metric}, when measured. */
    public Optional<Figure> figure(Metric metric) {
        return figures.stream().filter(f -> f.metric() == metric).findFirst();
    }
}
