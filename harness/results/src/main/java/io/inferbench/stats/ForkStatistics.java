package io.inferbench.stats;

import io.inferbench.result.ForkVariation;
import io.inferbench.load.HistogramCodec;
import io.inferbench.api.Interval;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.TimelinePoint;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Statistics over the measured phases of one configuration repeated in several fresh JVMs (forks),
 * as JMH does: the forks merged into one phase, and the variation between forks kept apart from
 * the variation within a fork.
 *
 * <p>Within a fork, queries are (nearly) independent samples of one JVM's behaviour; between forks,
 * JIT decisions, memory layout and the machine's state change. Only the second shows whether a
 * difference between two configurations would survive a rerun.
 */
public final class ForkStatistics {
    /** The metric compared across forks. */
    public static final String METRIC = "p50 latency";
    /** Fewer full timeline intervals than this (over all forks) give an unbounded throughput interval. */
    static final int MIN_INTERVALS = 3;

    private ForkStatistics() {
    }

    /**
     * One phase from the forks' phases: histograms added (percentiles over every query of every
     * fork), counts and durations summed, throughput = completed queries / total measured time, the
     * timeline of the first fork, the latency per input length merged bucket by bucket. Open-loop, batching, stability and early-stopping figures are not
     * mergeable and stay with each fork's own phase.
     *
     * @param forks at least one fork's measured phase, in fork order
     */
    public static PhaseResult merge(List<PhaseResult> forks) {
        if (forks.isEmpty()) {
            throw new IllegalArgumentException("forks: at least one phase is needed to merge");
        }
        Histogram all = HistogramCodec.newHistogram();
        long queries = 0;
        long samples = 0;
        long errors = 0;
        double durationMs = 0;
        String firstError = null;
        for (PhaseResult f : forks) {
            all.add(HistogramCodec.decode(f.histogram()));
            queries += f.queries();
            samples += f.samples();
            errors += f.errors();
            durationMs += f.durationMs();
            if (firstError == null) {
                firstError = f.firstError();
            }
        }
        double seconds = durationMs / 1000;
        double qps = seconds > 0 ? (queries - errors) / seconds : 0;
        return new PhaseResult(queries, samples, errors, firstError, durationMs, qps, pooledThroughputCi95(forks, qps),
                seconds > 0 ? samples / seconds : 0, LatencyStatistics.summarize(all), HistogramCodec.encode(all),
                forks.get(0).timeline())
                .withByLength(LengthLatencies.merge(forks.stream().map(PhaseResult::byLength).toList()));
    }

    /**
     * Run-to-run variation of the forks' median latency and throughput; null with fewer than two
     * forks (one value has no spread).
     */
    public static ForkVariation variation(List<PhaseResult> forks) {
        if (forks.size() < 2) {
            return null;
        }
        SummaryStatistics p50 = new SummaryStatistics();
        SummaryStatistics within = new SummaryStatistics();
        SummaryStatistics throughput = new SummaryStatistics();
        for (PhaseResult f : forks) {
            p50.addValue(f.latency().valueMs(50));
            within.addValue(cvPercent(f.latency().stdevMs(), f.latency().meanMs()));
            throughput.addValue(f.throughputQps());
        }
        double mean = p50.getMean();
        double t = new TDistribution(p50.getN() - 1).inverseCumulativeProbability(0.975);
        double half = t * p50.getStandardDeviation() / Math.sqrt(p50.getN());
        return new ForkVariation(forks.size(), METRIC, mean, new Interval(mean - half, mean + half, true),
                cvPercent(p50.getStandardDeviation(), mean), within.getMean(),
                cvPercent(throughput.getStandardDeviation(), throughput.getMean()));
    }

    /**
     * Batch means over every fork's timeline: each full-length interval of any fork is one
     * observation of the rate. Unbounded (the point value) with fewer than three such intervals.
     */
    static Interval pooledThroughputCi95(List<PhaseResult> forks, double pointQps) {
        SummaryStatistics s = new SummaryStatistics();
        for (PhaseResult f : forks) {
            List<TimelinePoint> points = f.timeline();
            if (points.isEmpty()) {
                continue;
            }
            double full = points.get(0).endSeconds() - points.get(0).startSeconds();
            for (TimelinePoint p : points) {
                double length = p.endSeconds() - p.startSeconds();
                // Only intervals of the nominal length: the last one is cut short by the end of the phase.
                if (length > 0 && Math.abs(length - full) <= full / 100) {
                    s.addValue(p.queries() / length);
                }
            }
        }
        if (s.getN() < MIN_INTERVALS) {
            return new Interval(pointQps, pointQps, false);
        }
        double t = new TDistribution(s.getN() - 1).inverseCumulativeProbability(0.975);
        double half = t * s.getStandardDeviation() / Math.sqrt(s.getN());
        return new Interval(Math.max(0, s.getMean() - half), s.getMean() + half, true);
    }

    /** Standard deviation as a percentage of the mean; NaN when the mean is zero or undefined. */
    static double cvPercent(double sd, double mean) {
        return mean > 0 ? 100 * sd / mean : Double.NaN;
    }
}
