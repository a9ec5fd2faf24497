package io.inferbench.scenario;

import io.inferbench.load.Warmup;
import java.time.Duration;

/**
 * When the measurement starts and when it has enough (MLPerf's minimum duration and query count:
 * both must be met).
 *
 * @param warmup      the warmup, excluded from the measurement but reported
 * @param minDuration the measurement runs at least this long
 * @param minQueries  ... and completes at least this many queries
 * @param maxDuration hard stop; a measurement stopped here short of its minimums is INVALID
 */
public record RunSpec(Warmup warmup, Duration minDuration, long minQueries, Duration maxDuration) {
}
