package io.inferbench.load;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the load generator should do.
 *
 * @param profile     how queries are issued
 * @param warmup      warmup before the measurement
 * @param minDuration the measurement runs at least this long
 * @param minQueries  and completes at least this many queries
 * @param maxDuration hard stop of the measurement (a hung backend is abandoned after this plus a grace period)
 * @param interval    timeline resolution
 * @param batching    dynamic batching, or null for none
 * @param warmupUntil after the warmup rule is met, the warmup goes on until this holds on its
 *                    timeline (e.g. the stability rule), bounded by the maximum duration; null for no extra condition
 * @param trace       record every query's scheduled, start and end time ({@link QueryTrace}); off by default
 */
public record LoadPlan(LoadProfile profile, Warmup warmup, Duration minDuration, long minQueries,
                       Duration maxDuration, Duration interval, Batching batching,
                       java.util.function.Predicate<List<IntervalRecord>> warmupUntil, boolean trace) {
    public LoadPlan {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(warmup, "warmup");
        if (minQueries < 1) {
            throw new IllegalArgumentException("minQueries must be >= 1, got " + minQueries);
        }
        if (maxDuration.compareTo(minDuration) < 0) {
            throw new IllegalArgumentException("maxDuration must be >= minDuration");
        }
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("interval must be > 0");
        }
        if (profile instanceof LoadProfile.PeakSearch) {
            throw new IllegalArgumentException("a peak search is a series of plans; run it with PeakSearcher");
        }
    }

    /** Without a query trace. */
    public LoadPlan(LoadProfile profile, Warmup warmup, Duration minDuration, long minQueries, Duration maxDuration,
                    Duration interval, Batching batching,
                    java.util.function.Predicate<List<IntervalRecord>> warmupUntil) {
        this(profile, warmup, minDuration, minQueries, maxDuration, interval, batching, warmupUntil, false);
    }

    public LoadPlan(LoadProfile profile, Warmup warmup, Duration minDuration, long minQueries, Duration maxDuration,
                    Duration interval) {
        this(profile, warmup, minDuration, minQueries, maxDuration, interval, null, null);
    }

    public LoadPlan(LoadProfile profile, Warmup warmup, Duration minDuration, long minQueries, Duration maxDuration,
                    Duration interval, Batching batching) {
        this(profile, warmup, minDuration, minQueries, maxDuration, interval, batching, null);
    }

    /** Same plan with another profile (a peak-search probe). */
    public LoadPlan with(LoadProfile p) {
        return new LoadPlan(p, warmup, minDuration, minQueries, maxDuration, interval, batching, warmupUntil, trace);
    }

    /** Same plan, recording a {@link QueryTrace} or not. */
    public LoadPlan withTrace(boolean on) {
        return new LoadPlan(profile, warmup, minDuration, minQueries, maxDuration, interval, batching, warmupUntil, on);
    }

    /** True when queries go through a queue to workers rather than straight from client to worker. */
    public boolean queued() {
        return batching != null || !(profile instanceof LoadProfile.SingleStream
                || profile instanceof LoadProfile.Concurrency);
    }
}
