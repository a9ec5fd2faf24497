package io.inferbench.compare;

import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.load.HistogramCodec;
import io.inferbench.result.PhaseResult;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The latencies of one configuration, as a comparison reads them: every sample, and each fork's
 * samples apart (for run-to-run variance).
 *
 * @param id    the configuration's id
 * @param label its human label; the id is used where it is blank
 * @param all   every measured latency in nanoseconds (the forks merged); not modified
 * @param forks each fork's latencies, in fork order; empty when run once in-process. Forks
 *              without samples are left out.
 */
public record LatencySample(String id, String label, Histogram all, List<Histogram> forks) {
    public LatencySample {
        forks = forks == null ? List.of() : forks.stream().filter(h -> h.getTotalCount() > 0).toList();
        if (all == null || all.getTotalCount() == 0) {
            throw new IllegalArgumentException(id + ": no latency samples to compare");
        }
    }

    /** The measured latencies of an OK configuration, decoded from its result. */
    public static LatencySample of(ConfigurationResult c) {
        if (c.status() != ConfigurationStatus.OK || c.measurement() == null) {
            throw new IllegalArgumentException(c.id() + ": " + c.status() + ", nothing measured to compare");
        }
        List<Histogram> forks = new ArrayList<>();
        for (PhaseResult f : c.phases().forks()) {
            forks.add(HistogramCodec.decode(f.histogram()));
        }
        return new LatencySample(c.id(), c.label(), HistogramCodec.decode(c.measurement().histogram()), forks);
    }

    /** The label, or the id where there is none. */
    public String name() {
        return label == null || label.isBlank() ? id : label;
    }
}
