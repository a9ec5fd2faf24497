package io.inferbench.stats;

import io.inferbench.load.IntervalRecord;
import io.inferbench.load.PhaseRecording;
import io.inferbench.load.HistogramCodec;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.TimelinePoint;
import java.util.List;

/** Converts a {@link PhaseRecording} into the result model's {@link PhaseResult}. */
public final class PhaseSummaries {
    private PhaseSummaries() {
    }

    public static PhaseResult summarize(PhaseRecording r, int samplesPerQuery) {
        double seconds = r.durationNanos() / 1e9;
        long ok = r.queries() - r.errors();
        double qps = seconds > 0 ? ok / seconds : 0;
        List<TimelinePoint> timeline = r.intervals().stream().map(PhaseSummaries::point).toList();
        return new PhaseResult(r.queries(), ok * (long) samplesPerQuery, r.errors(), r.firstError(),
                r.durationNanos() / 1e6, qps, ThroughputStatistics.ci95(r.intervals(), qps), qps * samplesPerQuery, LatencyStatistics.summarize(r.histogram()),
                HistogramCodec.encode(r.histogram()), timeline);
    }

    private static TimelinePoint point(IntervalRecord i) {
        double seconds = (i.endNanos() - i.startNanos()) / 1e9;
        boolean any = i.queries() > 0;
        return new TimelinePoint(i.startNanos() / 1e9, i.endNanos() / 1e9, i.queries(), i.errors(),
                seconds > 0 ? i.queries() / seconds : 0, any ? i.p50Nanos() / 1e6 : Double.NaN,
                any ? i.p90Nanos() / 1e6 : Double.NaN,
                any ? i.p99Nanos() / 1e6 : Double.NaN, any ? i.maxNanos() / 1e6 : Double.NaN);
    }
}
