package io.inferbench.result;

import java.util.List;

/**
 * The timed phases of one configuration.
 *
 * @param warmup      the warmup phase, excluded from the measurement but reported; null when none ran
 * @param measurement the measured phase; null unless OK. With forks, the forks' histograms merged
 * @param forks       each fork's measured phase, in order; empty when run once in-process. A failed
 *                    configuration keeps those of the forks that finished before it failed
 * @param variation   run-to-run variation across forks; null with fewer than two forks
 * @param peak        the peak search and its probes; null for other profiles
 */
public record PhasesResult(PhaseResult warmup, PhaseResult measurement, List<PhaseResult> forks,
                           ForkVariation variation, PeakSearchResult peak) {
    /** Nothing ran. */
    public static final PhasesResult NONE = new PhasesResult(null, null, List.of(), null, null);

    public PhasesResult {
        forks = forks == null ? List.of() : List.copyOf(forks);
    }

    /** Measured once (in this process or one fork): warmup, measurement and, for a peak search, its probes. */
    public static PhasesResult once(PhaseResult warmup, PhaseResult measurement, PeakSearchResult peak) {
        return new PhasesResult(warmup, measurement, List.of(), null, peak);
    }

    /** Only the measurements of the forks that finished before the configuration failed. */
    public static PhasesResult finishedForks(List<PhaseResult> forks) {
        return new PhasesResult(null, null, forks, null, null);
    }
}
