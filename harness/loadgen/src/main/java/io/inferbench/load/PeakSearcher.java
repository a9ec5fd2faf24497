package io.inferbench.load;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Finds the highest load whose latency percentile stays within an SLO (MLPerf's
 * FindPeakPerformance, perf_analyzer's {@code --latency-threshold}): doubling from the start load
 * until a probe breaks the SLO or the maximum is reached (halving instead if the start already
 * breaks it), then binary search between the last good and the first bad load until the bracket
 * is within the precision. Every probe is kept, for throughput-vs-latency curves.
 */
public final class PeakSearcher {
    /** A probe at rate searches also fails when it falls this far below the offered rate. */
    static final double MIN_ACHIEVED_FRACTION = 0.95;
    /** How far below the start load a failing search keeps halving. */
    static final int MAX_HALVINGS = 6;

    /** Runs one probe at a profile. */
    @FunctionalInterface
    public interface ProbeRunner {
        LoadResult run(LoadProfile profile) throws InterruptedException;
    }

    /**
     * One probe.
     *
     * @param load            the rate or concurrency tried
     * @param result          what it recorded
     * @param percentileNanos the SLO percentile measured (NaN when nothing completed)
     * @param throughputQps   completed queries per second
     * @param meetsSlo        within the SLO, not overloaded, no errors, and (rate) keeping up
     * @param why             why it failed, or empty
     */
    public record Probe(double load, LoadResult result, double percentileNanos, double throughputQps,
                        boolean meetsSlo, String why) {
    }

    /**
     * @param found whether any probe met the SLO
     * @param peak  the highest load that did, or NaN
     */
    public record Outcome(boolean found, double peak, List<Probe> probes) {
        public Outcome {
            probes = List.copyOf(probes);
        }
    }

    private PeakSearcher() {
    }

    public static Outcome search(LoadProfile.PeakSearch spec, ProbeRunner runner) throws InterruptedException {
        List<Probe> probes = new ArrayList<>();
        boolean integral = spec.searched() == LoadProfile.Searched.CONCURRENCY;
        double good = Double.NaN;
        double bad = Double.NaN;
        double load = spec.start();
        while (probes.size() < spec.maxProbes()) {
            Probe p = probe(spec, runner, load);
            probes.add(p);
            if (p.meetsSlo()) {
                good = load;
                if (!Double.isNaN(bad) || load >= spec.max()) {
                    break;
                }
                load = Math.min(spec.max(), load * 2);
            } else {
                bad = load;
                if (!Double.isNaN(good)) {
                    break;
                }
                double lower = integral ? Math.floor(load / 2) : load / 2;
                if (lower < 1 && integral || lower < spec.start() / (1 << MAX_HALVINGS)) {
                    break;
                }
                load = lower;
            }
        }
        while (!Double.isNaN(good) && !Double.isNaN(bad) && probes.size() < spec.maxProbes()
                && (bad - good) / good > spec.precision()) {
            double mid = integral ? Math.floor((good + bad) / 2) : (good + bad) / 2;
            if (mid <= good || mid >= bad) {
                break;
            }
            Probe p = probe(spec, runner, mid);
            probes.add(p);
            if (p.meetsSlo()) {
                good = mid;
            } else {
                bad = mid;
            }
        }
        return new Outcome(!Double.isNaN(good), good, probes);
    }

    private static Probe probe(LoadProfile.PeakSearch spec, ProbeRunner runner, double load)
            throws InterruptedException {
        LoadResult r = runner.run(spec.probe(load));
        PhaseRecording m = r.measurement();
        Histogram h = m.histogram();
        double pct = h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(spec.percentile());
        double seconds = m.durationNanos() / 1e9;
        double qps = seconds > 0 ? (m.queries() - m.errors()) / seconds : 0;
        String why = "";
        if (r.abortReason() != null) {
            why = "aborted: " + r.abortReason();
        } else if (m.queue() != null && m.queue().overloaded() || r.warmup().queue() != null
                && r.warmup().queue().overloaded()) {
            why = "overloaded: the in-flight cap was hit";
        } else if (m.errors() > 0) {
            why = m.errors() + " queries failed";
        } else if (Double.isNaN(pct)) {
            why = "no query completed";
        } else if (pct > spec.slo().toNanos()) {
            why = String.format("p%s %.2f ms exceeds the SLO of %d ms", fmt(spec.percentile()), pct / 1e6,
                    spec.slo().toMillis());
        } else if (spec.searched() == LoadProfile.Searched.RATE && qps < MIN_ACHIEVED_FRACTION * load) {
            why = String.format("achieved %.1f q/s of the %.1f offered", qps, load);
        }
        return new Probe(load, r, pct, qps, why.isEmpty(), why);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
