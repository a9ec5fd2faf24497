package io.inferbench.result;

import io.inferbench.api.Interval;
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
 * @param bracket     where the search ended: from the highest load that met the SLO ({@code low}) to the
 *                    lowest load above it that did not ({@code high}); the true peak lies between. Not
 *                    {@code bounded} when a side is missing: no probe met the SLO (low is 0), or none
 *                    above the peak failed (high is the peak: the search stopped at its {@code max}).
 *                    Derived from the probes when absent (a result written before it was recorded)
 */
public record PeakSearchResult(String searched, double percentile, double sloMs, boolean found, double peak,
                               List<Probe> probes, Interval bracket) {
    public PeakSearchResult {
        probes = List.copyOf(probes);
        if (bracket == null) {
            bracket = bracket(probes);
        }
    }

    /** The search and its probes; the bracket derived from them. */
    public PeakSearchResult(String searched, double percentile, double sloMs, boolean found, double peak,
                            List<Probe> probes) {
        this(searched, percentile, sloMs, found, peak, probes, null);
    }

    /**
     * The highest passing load and the lowest failing load above it (see {@link #bracket()}). Only
     * probes that ran count: NaN loads are left out.
     */
    public static Interval bracket(List<Probe> probes) {
        double pass = Double.NaN;
        for (Probe p : probes) {
            if (p.meetsSlo() && Double.isFinite(p.load()) && !(p.load() <= pass)) {
                pass = p.load();
            }
        }
        double fail = Double.NaN;
        for (Probe p : probes) {
            boolean above = Double.isNaN(pass) || p.load() > pass;
            if (!p.meetsSlo() && Double.isFinite(p.load()) && above && !(p.load() >= fail)) {
                fail = p.load();
            }
        }
        if (Double.isNaN(pass)) {
            return new Interval(0, Double.isNaN(fail) ? Double.NaN : fail, false);
        }
        return Double.isNaN(fail) ? new Interval(pass, pass, false) : new Interval(pass, fail, true);
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
