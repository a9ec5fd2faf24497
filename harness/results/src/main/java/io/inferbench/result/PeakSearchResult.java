package io.inferbench.result;

import java.util.List;

/**
 * A peak search: the highest load whose latency percentile stays within the SLO, and every probe
 * run to find it (for throughput-vs-latency charts).
 *
 * @param searched    {@code rate} (queries/s) or {@code concurrency} (workers)
 * @param percentile  latency percentile held to the SLO
 * @param sloMs       the latency objective
 * @param found       whether any probe met the SLO
 * @param peak        the highest load that met it (NaN when none did)
 * @param probes      every probe, in the order run
 */
public record PeakSearchResult(String searched, double percentile, double sloMs, boolean found, double peak,
                               List<Probe> probes) {
    public PeakSearchResult {
        probes = List.copyOf(probes);
    }

    /**
     * One probe of the search.
     *
     * @param load         the rate or concurrency tried
     * @param meetsSlo     whether the percentile stayed within the SLO (and the probe was not overloaded)
     * @param latencyMs    the percentile measured
     * @param throughputQps completed queries per second
     * @param measurement  the probe's full measurement
     */
    public record Probe(double load, boolean meetsSlo, double latencyMs, double throughputQps,
                        PhaseResult measurement) {
    }
}
