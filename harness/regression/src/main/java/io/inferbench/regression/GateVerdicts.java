package io.inferbench.regression;

import io.inferbench.gate.Direction;
import io.inferbench.gate.Figures;
import io.inferbench.gate.GateSettings;
import io.inferbench.gate.GateVerdict;
import io.inferbench.gate.MetricKind;
import io.inferbench.gate.Outcome;
import io.inferbench.gate.SeriesKey;
import io.inferbench.result.GateRecord;
import java.util.Map;

/** The gate module's verdicts as the record's rows. */
final class GateVerdicts {
    private GateVerdicts() {
    }

    static GateRecord.Verdict toRecord(GateVerdict verdict, GateSettings settings,
                                       Map<SeriesKey, ChangePointScan.NewSegment> segments,
                                       Confirmations confirmations) {
        MetricKind metric = verdict.metric();
        double threshold = settings.threshold(metric);
        if (verdict instanceof GateVerdict.Assessed a) {
            return assessed(a.series(), a.outcome(), a.baseline(), a.current(), a.figures(),
                    segments.containsKey(a.series()), confirmations.of(a.series()));
        }
        if (verdict instanceof GateVerdict.CommonShift s) {
            SeriesKey key = Confirmations.commonShiftKey(metric);
            return assessed(key, s.outcome(), null, null, s.figures(), false, confirmations.of(key));
        }
        if (verdict instanceof GateVerdict.New n) {
            return row(n.series(), GateRecord.Outcome.NEW, null, n.current(), null, null, null,
                    threshold, null, null, null, "no earlier run measured it", 0, false, null);
        }
        GateVerdict.Missing m = (GateVerdict.Missing) verdict;
        return row(m.series(), GateRecord.Outcome.MISSING, m.last(), null, null, null, null, threshold, null, null,
                null, "not measured tonight; " + m.historyRuns() + " earlier run(s) had it", m.historyRuns(), false,
                null);
    }

    private static GateRecord.Verdict assessed(SeriesKey key, Outcome outcome, Double baseline, Double current,
                                               Figures f, boolean newSegment, GateRecord.Confirmation confirmation) {
        GateRecord.Outcome out = outcome(outcome);
        if (out == GateRecord.Outcome.REGRESSION && confirmation != null && !confirmation.confirmed()) {
            out = GateRecord.Outcome.NOT_CONFIRMED;
        }
        return row(key, out, baseline, current, f.change(), finite(f.ci95().low()), finite(f.ci95().high()),
                f.threshold(), finite(f.pValue()), finite(f.adjustedPValue()), finite(f.minimumDetectableEffect()),
                f.method().description(), f.historyRuns(), newSegment, confirmation);
    }

    private static GateRecord.Verdict row(SeriesKey key, GateRecord.Outcome outcome, Double baseline, Double current,
                                          Double change, Double low, Double high, double threshold, Double p,
                                          Double adjusted,
                                          Double mde, String method, int runs, boolean newSegment,
                                          GateRecord.Confirmation confirmation) {
        MetricKind metric = key.metric();
        return new GateRecord.Verdict(key.configuration(), MetricNames.name(metric), unit(metric),
                metric.direction() == Direction.LOWER_IS_BETTER, metric.scale() == io.inferbench.gate.ChangeScale.RATIO,
                outcome, baseline, current, change, low, high, threshold, p, adjusted, mde, method, runs,
                newSegment, confirmation);
    }

    static GateRecord.Outcome outcome(Outcome o) {
        return switch (o) {
            case REGRESSION -> GateRecord.Outcome.REGRESSION;
            case IMPROVEMENT -> GateRecord.Outcome.IMPROVEMENT;
            case UNCHANGED -> GateRecord.Outcome.UNCHANGED;
            case INCONCLUSIVE -> GateRecord.Outcome.INCONCLUSIVE;
            case NEW -> GateRecord.Outcome.NEW;
            case MISSING -> GateRecord.Outcome.MISSING;
        };
    }

    static String unit(MetricKind metric) {
        return switch (metric) {
            case P50, P99 -> "ms";
            case THROUGHPUT -> "inferences/s";
            case ACCURACY -> "proportion";
            case PEAK_RSS -> "bytes";
            case ENERGY_PER_INFERENCE -> "J";
        };
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
