package io.inferbench.load;

import java.util.SplittableRandom;

/**
 * Arrival times of an open loop, as offsets from its start: constant spacing or a Poisson process
 * (exponential gaps from a seeded generator, so the same seed gives the same schedule), at a rate
 * that may ramp linearly. Pure: it knows no clock, so it is tested without waiting.
 */
public final class ArrivalSchedule {
    private final LoadProfile.Rate rate;
    private final SplittableRandom random;
    private final long rampNanos;
    private long rampStartNanos = -1;
    private long nextNanos;

    /**
     * @param rampNanos over how long a ramp goes from start to end rate (the measurement's minimum duration)
     */
    public ArrivalSchedule(LoadProfile.Rate rate, long rampNanos) {
        this.rate = rate;
        this.random = new SplittableRandom(rate.seed());
        this.rampNanos = Math.max(1, rampNanos);
    }

    /** Starts the ramp at {@code offsetNanos} (the measurement start); before it, the start rate holds. */
    public void startRamp(long offsetNanos) {
        rampStartNanos = offsetNanos;
    }

    /** Offset of the next arrival from the schedule's start, in nanoseconds; advances the schedule. */
    public long next() {
        long at = nextNanos;
        nextNanos += gapNanos(rateAt(at));
        return at;
    }

    /** The target rate at {@code offsetNanos}. */
    public double rateAt(long offsetNanos) {
        if (!rate.ramps() || rampStartNanos < 0 || offsetNanos <= rampStartNanos) {
            return rate.qps();
        }
        double f = Math.min(1.0, (offsetNanos - rampStartNanos) / (double) rampNanos);
        return rate.qps() + (rate.rampToQps() - rate.qps()) * f;
    }

    private long gapNanos(double qps) {
        double mean = 1e9 / qps;
        if (rate.arrival() == LoadProfile.Arrival.CONSTANT) {
            return Math.max(1, Math.round(mean));
        }
        // Inverse transform sampling; 1 - u is in (0, 1] so the log is finite.
        return Math.max(1, Math.round(-Math.log(1.0 - random.nextDouble()) * mean));
    }
}
