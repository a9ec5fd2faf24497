package io.inferbench.load;

import java.time.Duration;
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
 */
public record LoadPlan(LoadProfile profile, Warmup warmup, Duration minDuration, long minQueries,
                       Duration maxDuration, Duration interval) {
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
    }
}
