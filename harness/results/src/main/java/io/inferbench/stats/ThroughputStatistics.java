package io.inferbench.stats;

import io.inferbench.load.IntervalRecord;
import io.inferbench.api.Interval;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * A confidence interval for throughput by batch means: each full timeline interval is one
 * observation of the rate; the Student t interval of their mean bounds the steady-state rate.
 * (Queries within one interval are correlated; interval means are close to independent.)
 */
public final class ThroughputStatistics {
    /** Fewer full intervals than this give an unbounded interval. */
    static final int MIN_INTERVALS = 3;

    private ThroughputStatistics() {
    }

    /**
     * @param intervals the phase's timeline; the last, partial interval is left out
     * @param pointQps  the phase's overall throughput, used as the centre when unbounded
     */
    public static Interval ci95(List<IntervalRecord> intervals, double pointQps) {
        SummaryStatistics s = new SummaryStatistics();
        long full = intervals.isEmpty() ? 0 : intervals.get(0).endNanos() - intervals.get(0).startNanos();
        for (IntervalRecord i : intervals) {
            long length = i.endNanos() - i.startNanos();
            // Only intervals of the nominal length: the final one is cut short by the end of the phase.
            if (length > 0 && Math.abs(length - full) <= full / 100) {
                s.addValue(i.queries() / (length / 1e9));
            }
        }
        if (s.getN() < MIN_INTERVALS) {
            return new Interval(pointQps, pointQps, false);
        }
        double t = new TDistribution(s.getN() - 1).inverseCumulativeProbability(0.975);
        double half = t * s.getStandardDeviation() / Math.sqrt(s.getN());
        return new Interval(Math.max(0, s.getMean() - half), s.getMean() + half, true);
    }
}
