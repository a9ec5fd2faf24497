package io.inferbench.regression;

import io.inferbench.compare.ChangePoints;
import io.inferbench.gate.MetricKind;
import io.inferbench.gate.Observation;
import io.inferbench.gate.RunObservations;
import io.inferbench.gate.SeriesKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Change points on every gated series: the E-divisive detection the report site uses, over the
 * series' history and tonight. The prediction test judges tonight alone; this says when tonight
 * completes a new level — a shift that began a few nights ago and has held since (a change point
 * needs {@link ChangePoints#minSegment()} runs on each side, so a one-night jump is the gate's
 * test's to judge, not this one's).
 */
public final class ChangePointScan {
    /** The longest history examined: the E-divisive scan is quadratic in it. */
    static final int MAX_RUNS = 100;

    private final ChangePoints changePoints;

    public ChangePointScan(ChangePoints changePoints) {
        this.changePoints = changePoints;
    }

    /**
     * A new level that tonight's run completes.
     *
     * @param since    the run that opened the new segment
     * @param relative change of the level, e.g. 0.12 for 12% higher (points for accuracy: the change of
     *                 the proportion's mean, relative)
     */
    public record NewSegment(String since, double relative) {
    }

    /** For each of tonight's series that opens a new segment: where it began. */
    public Map<SeriesKey, NewSegment> scan(RunObservations current, List<RunObservations> historyOldestFirst) {
        List<RunObservations> history = historyOldestFirst.size() > MAX_RUNS
                ? historyOldestFirst.subList(historyOldestFirst.size() - MAX_RUNS, historyOldestFirst.size())
                : historyOldestFirst;
        // Each series is a quadratic scan with permutations: the series in parallel, the order kept.
        List<SeriesKey> keys = List.copyOf(current.observations().keySet());
        List<NewSegment> found = keys.parallelStream().map(key -> scan(key, current, history)).toList();
        Map<SeriesKey, NewSegment> out = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            if (found.get(i) != null) {
                out.put(keys.get(i), found.get(i));
            }
        }
        return out;
    }

    /** The new segment tonight completes in {@code key}'s series, or null. */
    private NewSegment scan(SeriesKey key, RunObservations current, List<RunObservations> history) {
        List<Double> values = new ArrayList<>();
        List<String> runIds = new ArrayList<>();
        for (RunObservations run : history) {
            Observation o = run.get(key);
            if (o != null) {
                values.add(scaled(key.metric(), o.value()));
                runIds.add(run.runId());
            }
        }
        values.add(scaled(key.metric(), current.get(key).value()));
        runIds.add(current.runId());
        double[] series = values.stream().mapToDouble(Double::doubleValue).toArray();
        List<ChangePoints.Change> changes = changePoints.detect(series);
        if (changes.isEmpty()) {
            return null;
        }
        ChangePoints.Change last = changes.get(changes.size() - 1);
        return last.index() >= series.length - changePoints.minSegment()
                ? new NewSegment(runIds.get(last.index()), relative(key.metric(), last)) : null;
    }

    /** Latency and the like on logarithms (a change is a ratio), accuracy as it is. */
    private static double scaled(MetricKind metric, double value) {
        return metric.scale().transform(value);
    }

    private static double relative(MetricKind metric, ChangePoints.Change change) {
        double delta = change.meanAfter() - change.meanBefore();
        return metric.scale().relative(delta);
    }
}
