package io.inferbench.jmh;

import io.inferbench.scenario.Durations;
import java.time.Duration;

/**
 * How JMH repeats a measurement: JMH's own {@code -f}, {@code -wi}, {@code -i}, {@code -w} and
 * {@code -r}, with JMH's meanings.
 *
 * @param forks                 fresh JVMs per configuration and mode, at least 1
 * @param warmupIterations      iterations run and discarded before measuring, per fork (0 or more)
 * @param measurementIterations measured iterations per fork, at least 1
 * @param warmupTime            length of one warmup iteration, positive
 * @param measurementTime       length of one measured iteration, positive
 */
public record JmhSettings(int forks, int warmupIterations, int measurementIterations, Duration warmupTime,
                          Duration measurementTime) {
    /** The CLI's defaults: {@code -f 2 -wi 3 -i 5 -w 1s -r 2s}. */
    public static final JmhSettings DEFAULTS = new JmhSettings(2, 3, 5, Duration.ofSeconds(1), Duration.ofSeconds(2));

    public JmhSettings {
        if (forks < 1) {
            throw new IllegalArgumentException("forks must be at least 1, got " + forks);
        }
        if (warmupIterations < 0) {
            throw new IllegalArgumentException("warmup iterations must be 0 or more, got " + warmupIterations);
        }
        if (measurementIterations < 1) {
            throw new IllegalArgumentException("measurement iterations must be at least 1, got "
                    + measurementIterations);
        }
        requirePositive("warmup time", warmupTime);
        requirePositive("measurement time", measurementTime);
    }

    /** {@code 3 × 1s}: the warmup as recorded in a configuration's settings. */
    public String describeWarmup() {
        return warmupIterations + " × " + Durations.format(warmupTime);
    }

    /** {@code 5 × 2s}: the measurement as recorded in a configuration's settings. */
    public String describeMeasurement() {
        return measurementIterations + " × " + Durations.format(measurementTime);
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
        if (d.toNanos() % 1_000_000 != 0) {
            throw new IllegalArgumentException(name + " must be a whole number of milliseconds, got " + d);
        }
    }
}
