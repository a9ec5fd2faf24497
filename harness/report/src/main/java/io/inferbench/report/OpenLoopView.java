package io.inferbench.report;

import io.inferbench.result.OpenLoopStats;
import io.inferbench.result.PhaseResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The "Open loop" block of a configuration's details: how well the load generator kept its
 * schedule. Read left to right, the rate line says where queries were lost: the generator may
 * offer less than the target (it fell behind), and the system may complete less than was offered
 * (it could not keep up; then queries pile up, and past the in-flight cap they are dropped and the
 * run is marked overloaded).
 *
 * @param target     the rate asked for, e.g. {@code 40.0} or {@code 10.0 → 60.0} for a ramp
 * @param offered    queries scheduled per second
 * @param achieved   queries completed per second
 * @param overloaded the in-flight cap was hit
 * @param scope      where the figures come from when not the whole measurement (e.g. the first
 *                   of several forks); null otherwise
 * @param rows       arrival, issued and dropped, scheduling lag, late hand-offs, queue delay
 */
record OpenLoopView(String target, String offered, String achieved, boolean overloaded, String scope,
                    List<KeyValue> rows) {
    /**
     * The block for {@code m}, or for the first fork that has open-loop figures when the merged
     * measurement has none (forks' schedules cannot be merged); null for a closed loop.
     */
    static OpenLoopView of(PhaseResult m, List<PhaseResult> forks) {
        if (m != null && m.openLoop() != null) {
            return of(m, null, m.openLoop().overloaded());
        }
        for (int i = 0; i < forks.size(); i++) {
            PhaseResult f = forks.get(i);
            if (f != null && f.openLoop() != null) {
                boolean any = forks.stream().anyMatch(x -> x != null && x.openLoop() != null && x.openLoop().overloaded());
                return of(f, "fork " + (i + 1) + " of " + forks.size() + " (each fork keeps its own schedule)", any);
            }
        }
        return null;
    }

    private static OpenLoopView of(PhaseResult m, String scope, boolean overloaded) {
        OpenLoopStats o = m.openLoop();
        // Configured rates, shown as written; the measured ones get three significant digits.
        String target = (Double.isFinite(o.targetQps()) ? NiceScale.label(o.targetQps()) : Formats.MISSING)
                + (Double.isFinite(o.rampToQps()) ? " → " + NiceScale.label(o.rampToQps()) : "");
        List<KeyValue> rows = new ArrayList<>();
        rows.add(KeyValue.of("Arrivals", o.arrival() == null ? null : o.arrival()
                + (Double.isFinite(o.rampToQps()) ? ", ramping " + target + " q/s over the phase" : "")));
        rows.add(KeyValue.of("Issued / dropped", Formats.count(o.issued()) + " issued, " + Formats.count(o.dropped())
                + " dropped" + (o.maxInFlight() > 0 ? " (in-flight cap " + Formats.count(o.maxInFlight()) + ")" : "")
                + (o.peakInFlight() > 0 ? ", at most " + Formats.count(o.peakInFlight()) + " in flight" : "")));
        rows.add(new KeyValue("Scheduling lag p50 / p99 / max", Formats.ms(o.lagP50Ms()) + " / "
                + Formats.ms(o.lagP99Ms()) + " / " + Formats.ms(o.lagMaxMs()) + " ms",
                "hand-off to a worker minus the scheduled time: how late the generator itself was"));
        long all = o.issued() + o.dropped();
        String share = all > 0 ? " (" + Formats.percent(100.0 * o.lateQueries() / all) + ")" : "";
        rows.add(KeyValue.of("Late hand-offs", Formats.count(o.lateQueries()) + " of " + Formats.count(all) + share
                + " more than " + Formats.ms(o.lateThresholdMs()) + " ms late"));
        rows.add(new KeyValue("Queue delay p50 / p99", Formats.ms(o.queueDelayP50Ms()) + " / "
                + Formats.ms(o.queueDelayP99Ms()) + " ms",
                "scheduled time to the start of inference: time spent waiting for a free worker"));
        return new OpenLoopView(target, Formats.rate(o.offeredQps()), Formats.rate(m.throughputQps()), overloaded,
                scope, rows);
    }
}
