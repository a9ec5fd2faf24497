package io.inferbench.compare;

import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.load.HistogramCodec;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.UtilizationResult;
import io.inferbench.result.Verdict;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * A configuration up for recommendation: its objectives and whether its measurement counts.
 *
 * @param objectives what it achieved
 * @param status     how it ended; only OK can win
 * @param verdict    VALID or INVALID; null counts as valid (not evaluated)
 * @param error      why it failed or was skipped; null otherwise
 */
public record Candidate(Objectives objectives, ConfigurationStatus status, Verdict verdict, String error) {
    /** A measured, valid configuration. */
    public static Candidate valid(Objectives objectives) {
        return new Candidate(objectives, ConfigurationStatus.OK, Verdict.of(List.of()), null);
    }

    /**
     * From a result: the latency at {@code percentile} and the throughput of its measurement;
     * memory and energy per inference when sampled, and accuracy (in percent) from the first accuracy
     * task's main metric when the scenario has one.
     */
    public static Candidate of(ConfigurationResult c, double percentile) {
        PhaseResult m = c.measurement();
        double latencyMs = Double.NaN;
        double throughput = Double.NaN;
        if (m != null) {
            latencyMs = m.latency() == null ? Double.NaN : m.latency().valueMs(percentile);
            if (Double.isNaN(latencyMs) && m.histogram() != null) {
                // A percentile the summary does not list: read it off the histogram.
                Histogram h = HistogramCodec.decode(m.histogram());
                latencyMs = h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1e6;
            }
            throughput = m.throughputQps();
        }
        Objectives o = Objectives.of(c.id(), latencyMs, throughput);
        UtilizationResult u = c.resources().utilization();
        if (u != null && u.peakRssBytes() > 0) {
            o = o.withMemoryBytes(u.peakRssBytes());
        }
        if (u != null && m != null) {
            double joules = u.joulesPerInference("measurement", m.samples());
            if (!Double.isNaN(joules)) {
                o = o.withEnergyJoulesPerInference(joules);
            }
        }
        if (c.mainAccuracy() != null && !Double.isNaN(c.mainAccuracy().value())) {
            // The first accuracy task's main metric, a proportion: in percent, so drops are in points.
            o = o.withAccuracy(c.mainAccuracy().value() * 100);
        }
        return new Candidate(o, c.status(), c.verdict(), c.outcome() == null ? null : c.outcome().reason());
    }

    public Candidate withObjectives(Objectives o) {
        return new Candidate(o, status, verdict, error);
    }

    public String id() {
        return objectives.id();
    }
}
