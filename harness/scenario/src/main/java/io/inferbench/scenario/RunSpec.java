package io.inferbench.scenario;

import io.inferbench.load.Warmup;
import io.inferbench.scenario.keys.RunKeys;
import java.time.Duration;

/**
 * When the measurement starts and when it has enough (MLPerf's minimum duration and query count:
 * both must be met).
 *
 * @param warmup      the warmup, excluded from the measurement but reported
 * @param minDuration the measurement runs at least this long
 * @param minQueries  ... and completes at least this many queries
 * @param maxDuration hard stop; a measurement stopped here short of its minimums is INVALID
 * @param forks       child JVMs to run the configuration in, one after another (JMH's forks);
 *                    {@link #DEFAULT_FORKS} by default, so every configuration is isolated from the
 *                    harness and the other backends; 0 runs it once in the harness's own JVM
 * @param timeout     a configuration (all its forks) still running after this is stopped and failed
 * @param stability   the stability rule applied to the measurement, or null for none
 * @param earlyStopping whether too few queries for an early-stopping estimate of the profile's key
 *                    percentile make the measurement INVALID (the estimates are reported either way)
 * @param jvm         heap, flags and environment of the configuration's child JVMs
 * @param trace       whether every query's scheduled, start and end time is written ({@code run.trace})
 * @param busyThresholdPercent another process above this share of one core while the load runs makes the
 *                    machine "busy" ({@code run.busy-threshold}, percent of one core)
 */
public record RunSpec(Warmup warmup, Duration minDuration, long minQueries, Duration maxDuration, int forks,
                      Duration timeout, StabilitySpec stability, boolean earlyStopping, JvmSpec jvm, boolean trace,
                      double busyThresholdPercent) {
    /** {@code run.busy-threshold}'s default, in percent of one core. */
    public static final double DEFAULT_BUSY_THRESHOLD = Double.parseDouble(
            RunKeys.BUSY_THRESHOLD.defaultText().replace("%", ""));

    public RunSpec {
        jvm = jvm == null ? JvmSpec.DEFAULT : jvm;
    }

    /** Without a query trace, with the default busy threshold. */
    public RunSpec(Warmup warmup, Duration minDuration, long minQueries, Duration maxDuration, int forks,
                   Duration timeout, StabilitySpec stability, boolean earlyStopping, JvmSpec jvm) {
        this(warmup, minDuration, minQueries, maxDuration, forks, timeout, stability, earlyStopping, jvm, false,
                DEFAULT_BUSY_THRESHOLD);
    }

    public RunSpec(Warmup warmup, Duration minDuration, long minQueries, Duration maxDuration, int forks,
                   Duration timeout, StabilitySpec stability, boolean earlyStopping) {
        this(warmup, minDuration, minQueries, maxDuration, forks, timeout, stability, earlyStopping, JvmSpec.DEFAULT);
    }

    /** Each configuration in one child JVM unless the scenario says otherwise ({@code run.forks}'s default). */
    public static final int DEFAULT_FORKS = RunKeys.FORKS.defaultInt();

    public RunSpec(Warmup warmup, Duration minDuration, long minQueries, Duration maxDuration) {
        this(warmup, minDuration, minQueries, maxDuration, DEFAULT_FORKS, defaultTimeout(maxDuration, DEFAULT_FORKS),
                null, false);
    }

    /** Room for every fork's warmup, measurement and model loading: (3 x max-duration + 2 min) per JVM. */
    public static Duration defaultTimeout(Duration maxDuration, int forks) {
        return maxDuration.multipliedBy(3).plusMinutes(2).multipliedBy(Math.max(1, forks));
    }
}
