package io.inferbench.utilization;

import io.inferbench.result.ColdStart;
import io.inferbench.result.TimelinePoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Pure computations of cold-start figures. */
public final class ColdStarts {
    /** Default tolerance of {@link #timeToSteadyStateMs(List, Duration)}: within 10% of the final median. */
    public static final double DEFAULT_TOLERANCE = 0.10;

    private ColdStarts() {
    }

    /**
     * Assembles a {@link ColdStart}, finding the time to steady state from the per-interval medians.
     *
     * @param modelLoadMs      time to open the model session
     * @param firstInferenceMs latency of the first inference after loading
     * @param intervalP50Ms    median latency of each interval from the start of the load (warmup
     *                         then measurement), NaN for intervals without queries
     * @param interval         length of one interval
     * @param modelFileBytes   model size on disk, -1 when unknown
     */
    public static ColdStart of(double modelLoadMs, double firstInferenceMs, List<Double> intervalP50Ms,
                               Duration interval, long modelFileBytes) {
        return new ColdStart(modelLoadMs, firstInferenceMs, timeToSteadyStateMs(intervalP50Ms, interval),
                modelFileBytes);
    }

    /**
     * Time to steady state against the last interval with a median (the final measured p50).
     *
     * @see #timeToSteadyStateMs(List, Duration, double, double)
     */
    public static double timeToSteadyStateMs(List<Double> intervalP50Ms, Duration interval) {
        double last = Double.NaN;
        for (int i = intervalP50Ms.size() - 1; i >= 0 && Double.isNaN(last); i--) {
            Double v = intervalP50Ms.get(i);
            last = v == null ? Double.NaN : v;
        }
        return timeToSteadyStateMs(intervalP50Ms, interval, last, DEFAULT_TOLERANCE);
    }

    /**
     * The start of the first interval whose median is within {@code tolerance} of {@code finalP50Ms}.
     * The first interval qualifying is taken literally (no look-ahead): a timeline that dips into the
     * band and out again will look steady early, so the caller should judge it with the chart.
     *
     * @param intervalP50Ms median latency of each interval, in order from the start of the load;
     *                      NaN or null for intervals without queries (skipped)
     * @param interval      length of one interval
     * @param finalP50Ms    the reference median, e.g. the whole measurement's p50
     * @param tolerance     relative band, e.g. 0.10 for ±10%
     * @return milliseconds from the start of the load (0 when the first interval is already steady);
     *         NaN when no interval qualifies or the reference is not a positive number
     */
    public static double timeToSteadyStateMs(List<Double> intervalP50Ms, Duration interval, double finalP50Ms,
                                             double tolerance) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval: must be positive, was " + interval);
        }
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance: must be >= 0, was " + tolerance);
        }
        if (!(finalP50Ms > 0) || Double.isInfinite(finalP50Ms)) {
            return Double.NaN;
        }
        for (int i = 0; i < intervalP50Ms.size(); i++) {
            Double p = intervalP50Ms.get(i);
            if (p != null && Math.abs(p - finalP50Ms) <= tolerance * finalP50Ms) {
                return i * (interval.toNanos() / 1e6);
            }
        }
        return Double.NaN;
    }

    /**
     * The per-interval medians of warmup then measurement, as {@link #of} expects them.
     *
     * @param warmup      the warmup phase's timeline (may be empty)
     * @param measurement the measured phase's timeline
     */
    public static List<Double> p50s(List<TimelinePoint> warmup, List<TimelinePoint> measurement) {
        List<Double> out = new ArrayList<>(warmup.size() + measurement.size());
        warmup.forEach(p -> out.add(p.p50Ms()));
        measurement.forEach(p -> out.add(p.p50Ms()));
        return out;
    }
}
