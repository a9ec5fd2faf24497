package io.inferbench.report;

import io.inferbench.api.Interval;
import io.inferbench.result.PeakSearchResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The "Peak search" block of a configuration's details: the objective, the answer, and every probe
 * in the order it was run (the search doubles the load until the objective breaks, then bisects),
 * so a reader can see how closely the peak was bracketed.
 *
 * @param percentile the percentile held to the objective, e.g. {@code p99} (the probe table's heading)
 * @param rows       what was searched, the objective and the peak found
 * @param probes     one row per probe, in the order run
 */
record PeakView(String percentile, List<KeyValue> rows, List<Probe> probes) {
    /**
     * One probe.
     *
     * @param order      1-based position in the search
     * @param load       the rate or concurrency tried
     * @param throughput completed queries per second
     * @param latency    the objective's percentile, ms
     * @param meetsSlo   whether it met the objective
     * @param peak       true for the probe reported as the peak
     */
    record Probe(String order, String load, String throughput, String latency, boolean meetsSlo, boolean peak) {
    }

    /** The block of {@code p}; null when there was no peak search. */
    static PeakView of(PeakSearchResult p) {
        if (p == null) {
            return null;
        }
        String percentile = Formats.percentile(p.percentile());
        List<KeyValue> rows = new ArrayList<>();
        rows.add(KeyValue.of("Objective", Formats.objective(p.percentile(), p.sloMs())));
        rows.add(KeyValue.of("Searched", "concurrency".equals(p.searched()) ? "concurrency (queries in flight)"
                : "arrival rate (queries/s)"));
        rows.add(KeyValue.of("Peak", found(p) ? Formats.load(p.searched(), p.peak()) + " (" + p.probes().size()
                + " probes)" : "none: no probe met the objective (" + p.probes().size() + " probes)"));
        rows.add(new KeyValue("Bracket", bracket(p), "where the search ended: the highest load that met the objective "
                + "and the lowest load above it that did not; the true peak lies between"));
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < p.probes().size(); i++) {
            PeakSearchResult.Probe x = p.probes().get(i);
            probes.add(new Probe(Integer.toString(i + 1), Formats.load(p.searched(), x.load()),
                    Formats.rate(x.throughputQps()), Formats.ms(x.latencyMs()), x.meetsSlo(), isPeak(p, x)));
        }
        return new PeakView(percentile, rows, probes);
    }

    /**
     * {@code 150 q/s – 175 q/s (n = 7 probes)}, or which side is missing: no probe failed above the
     * peak (the search reached its maximum), or none met the objective.
     */
    static String bracket(PeakSearchResult p) {
        Interval b = p.bracket();
        String n = " (n = " + p.probes().size() + " probes)";
        if (b == null) {
            return Formats.MISSING;
        }
        if (b.bounded()) {
            return Formats.load(p.searched(), b.low()) + " – " + Formats.load(p.searched(), b.high()) + n;
        }
        if (found(p)) {
            return "at least " + Formats.load(p.searched(), b.low()) + ": no probe above it failed" + n;
        }
        return Double.isFinite(b.high()) ? "below " + Formats.load(p.searched(), b.high()) + ": no probe met the objective"
                + n : Formats.MISSING + n;
    }

    /** Whether the search found a load that met the objective. */
    static boolean found(PeakSearchResult p) {
        return p.found() && Double.isFinite(p.peak());
    }

    /** Whether {@code x} is the probe reported as the peak. */
    static boolean isPeak(PeakSearchResult p, PeakSearchResult.Probe x) {
        return found(p) && x.meetsSlo() && x.load() == p.peak();
    }
}
