package io.inferbench.report;

import io.inferbench.load.HistogramCodec;
import io.inferbench.api.Interval;
import io.inferbench.result.LatencySummary;
import io.inferbench.result.PercentileEstimate;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.TimelinePoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.HdrHistogram.Histogram;

/**
 * Seeded phases for report fixtures: lognormal latencies at a steady rate, optionally drifting
 * (an unstable run) or cold at the start (a warmup), summarised the way the harness does — a
 * histogram, percentiles with order-statistic intervals, and a 1-second timeline. Same seed, same
 * bits on every JVM ({@link StrictMath}).
 */
final class SyntheticPhases {
    /**
     * What to generate.
     *
     * @param seed           random seed
     * @param medianMs       median latency of a warm, steady system
     * @param sigma          lognormal shape: 0.2 is tight, 0.5 has a long tail
     * @param qps            queries per second
     * @param seconds        whole 1-second intervals (a quarter-second tail interval follows)
     * @param driftPerSecond relative growth of latency per second (0 for a stable system)
     * @param cold           extra latency factor at t = 0, decaying with a 0.5 s time constant
     *                       (a JIT warmup); 0 for none
     */
    record Spec(long seed, double medianMs, double sigma, double qps, int seconds, double driftPerSecond,
                double cold) {
        static Spec steady(long seed, double medianMs, double sigma, double qps, int seconds) {
            return new Spec(seed, medianMs, sigma, qps, seconds, 0, 0);
        }

        Spec warmup(int warmupSeconds) {
            return new Spec(seed + 1000, medianMs, sigma, qps * 0.8, warmupSeconds, 0, 6);
        }
    }

    private SyntheticPhases() {
    }

    /** The phase {@code s} describes. */
    static PhaseResult phase(Spec s) {
        Random random = new Random(s.seed());
        List<Double> all = new ArrayList<>();
        List<TimelinePoint> timeline = new ArrayList<>();
        Histogram h = HistogramCodec.newHistogram();
        double tail = 0.25;
        for (int i = 0; i <= s.seconds(); i++) {
            double length = i < s.seconds() ? 1 : tail;
            // About ±4% noise on the rate from interval to interval, as a real run shows.
            int n = (int) Math.round(s.qps() * length * (1 + 0.04 * random.nextGaussian()));
            double[] bucket = new double[Math.max(0, n)];
            for (int q = 0; q < bucket.length; q++) {
                double t = i + length * q / Math.max(1, bucket.length);
                double scale = (1 + s.driftPerSecond() * t) * (1 + s.cold() * StrictMath.exp(-2 * t));
                bucket[q] = s.medianMs() * scale * StrictMath.exp(s.sigma() * random.nextGaussian());
                h.recordValue(Math.round(bucket[q] * 1e6));
                all.add(bucket[q]);
            }
            Arrays.sort(bucket);
            timeline.add(new TimelinePoint(i, i + length, bucket.length, 0, bucket.length / length,
                    at(bucket, 50), at(bucket, 90), at(bucket, 99), bucket.length == 0 ? Double.NaN
                    : bucket[bucket.length - 1]));
        }
        double[] ms = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int count = ms.length;
        double mean = Arrays.stream(ms).sum() / count;
        double var = Arrays.stream(ms).map(v -> (v - mean) * (v - mean)).sum() / (count - 1);
        double half = 1.96 * Math.sqrt(var / count);
        List<PercentileEstimate> percentiles = new ArrayList<>();
        for (double p : new double[] {50, 90, 95, 99, 99.9}) {
            // Like the harness: a percentile needs enough queries above it to be stated at all.
            if (count * (1 - p / 100) >= 1) {
                percentiles.add(ReportFixtures.percentile(ms, p));
            }
        }
        LatencySummary latency = new LatencySummary(count, mean, new Interval(mean - half, mean + half, true),
                Math.sqrt(var), ms[0], ms[count - 1], percentiles);
        double durationMs = (s.seconds() + tail) * 1000;
        double qps = count * 1000.0 / durationMs;
        double[] rates = timeline.subList(0, s.seconds()).stream().mapToDouble(TimelinePoint::qps).toArray();
        double rateMean = Arrays.stream(rates).average().orElse(qps);
        double rateSd = Math.sqrt(Arrays.stream(rates).map(r -> (r - rateMean) * (r - rateMean)).sum()
                / Math.max(1, rates.length - 1));
        double rateHalf = 2.3 * rateSd / Math.sqrt(Math.max(1, rates.length));
        Interval ci = rates.length >= 3 ? new Interval(rateMean - rateHalf, rateMean + rateHalf, true)
                : new Interval(qps, qps, false);
        return new PhaseResult(count, count, 0, null, durationMs, qps, ci, qps, latency, HistogramCodec.encode(h),
                timeline);
    }

    private static double at(double[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN
                : sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100) - 1))];
    }
}
