package io.inferbench.stats;

import io.inferbench.load.IntervalRecord;
import io.inferbench.result.StabilityResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * perf_analyzer's stability rule: a measurement is stable when each of the last K full-length
 * timeline windows has a throughput (successful queries per second) and a latency percentile
 * within X% of those K windows' mean.
 *
 * <p>Only windows of the nominal length count (the first window's length, within 1%), the same
 * rule as {@link ThroughputStatistics}: the last window of a phase is cut short by its end and
 * would read as a throughput drop. A window in which no query completed makes the phase unstable:
 * it has no latency, and a stalled system is not steady.
 *
 * <p>Stateless and thread-safe.
 */
public final class Stability {

    private Stability() {
    }

    /**
     * Applies the rule to a phase's timeline.
     *
     * @param intervals        the phase's timeline, oldest first; the partial last window is ignored
     * @param windows          K, how many of the latest full windows must agree; at least 2
     * @param tolerancePercent X, the largest allowed deviation from the windows' mean, in percent; positive
     * @param percentile       the latency compared: 50, 90 or 99 (the percentiles a window keeps)
     * @throws IllegalArgumentException for another percentile, K below 2 or a tolerance that is not positive
     */
    public static StabilityResult evaluate(List<IntervalRecord> intervals, int windows, double tolerancePercent,
                                           double percentile) {
        String label = label(percentile);
        if (windows < 2) {
            throw new IllegalArgumentException("windows must be at least 2, got " + windows);
        }
        if (!(tolerancePercent > 0) || Double.isInfinite(tolerancePercent)) {
            throw new IllegalArgumentException("tolerancePercent must be a positive number, got " + tolerancePercent);
        }
        List<IntervalRecord> full = fullLength(intervals);
        if (full.size() < windows) {
            return new StabilityResult(false, windows, tolerancePercent, percentile, Double.NaN, Double.NaN,
                    "only " + full.size() + " full window" + (full.size() == 1 ? "" : "s") + ", need " + windows);
        }
        List<IntervalRecord> last = full.subList(full.size() - windows, full.size());
        double[] qps = new double[windows];
        double[] latency = new double[windows];
        int empty = 0;
        for (int i = 0; i < windows; i++) {
            IntervalRecord w = last.get(i);
            qps[i] = w.queries() / ((w.endNanos() - w.startNanos()) / 1e9);
            latency[i] = latencyNanos(w, percentile);
            if (w.queries() == 0) {
                empty++;
            }
        }
        double qpsSpread = spreadPercent(qps);
        if (empty > 0) {
            return new StabilityResult(false, windows, tolerancePercent, percentile, qpsSpread, Double.NaN,
                    "no query completed in " + empty + " of the last " + windows + " windows");
        }
        double latencySpread = spreadPercent(latency);
        boolean stable = qpsSpread <= tolerancePercent && latencySpread <= tolerancePercent;
        String detail = String.format(Locale.ROOT, "last %d windows %s %.1f%% on throughput and %.1f%% on %s (limit %s%%)",
                windows, stable ? "within" : "differ by", qpsSpread, latencySpread, label, number(tolerancePercent));
        return new StabilityResult(stable, windows, tolerancePercent, percentile, qpsSpread, latencySpread, detail);
    }

    /** Whether {@link #evaluate} holds; same arguments and exceptions. */
    public static boolean isStable(List<IntervalRecord> intervals, int windows, double tolerancePercent,
                                   double percentile) {
        return evaluate(intervals, windows, tolerancePercent, percentile).stable();
    }

    /** The windows of nominal length, in order. */
    static List<IntervalRecord> fullLength(List<IntervalRecord> intervals) {
        List<IntervalRecord> out = new ArrayList<>();
        long nominal = intervals.isEmpty() ? 0 : intervals.get(0).endNanos() - intervals.get(0).startNanos();
        for (IntervalRecord i : intervals) {
            long length = i.endNanos() - i.startNanos();
            if (length > 0 && Math.abs(length - nominal) <= nominal / 100) {
                out.add(i);
            }
        }
        return out;
    }

    /** Largest deviation from the mean, in percent of the mean; NaN when the mean is 0. */
    static double spreadPercent(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v / values.length;
        }
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v - mean));
        }
        return mean > 0 ? 100 * max / mean : Double.NaN;
    }

    private static double latencyNanos(IntervalRecord w, double percentile) {
        return percentile == 50 ? w.p50Nanos() : percentile == 90 ? w.p90Nanos() : w.p99Nanos();
    }

    private static String label(double percentile) {
        if (percentile == 50 || percentile == 90 || percentile == 99) {
            return "p" + (int) percentile;
        }
        throw new IllegalArgumentException("percentile must be 50, 90 or 99 (the percentiles a timeline window "
                + "keeps), got " + percentile);
    }

    /** 10 → "10", 2.5 → "2.5". */
    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
