package io.inferbench.gate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One run's measurement of one series: what the gate reads from a result.
 *
 * @param value       the measured value (milliseconds, inferences per second, bytes, joules, or a
 *                    proportion for accuracy)
 * @param ci95        its within-run 95% interval, when the run gave one
 * @param sampleSize  what the value rests on (latency samples, accuracy items); 0 when unknown
 * @param forkMedians each fork's value, when the run had two or more forks (fresh JVMs); else empty
 */
public record Observation(double value, Optional<ConfidenceInterval> ci95, long sampleSize, List<Double> forkMedians) {
    public Observation {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite, got " + value);
        }
        Objects.requireNonNull(ci95, "ci95");
        if (sampleSize < 0) {
            throw new IllegalArgumentException("sampleSize must not be negative, got " + sampleSize);
        }
        forkMedians = List.copyOf(forkMedians);
        if (forkMedians.size() == 1) {
            throw new IllegalArgumentException("forkMedians needs two or more forks (or none), got one");
        }
    }

    /** A bare value: no interval, no forks. */
    public static Observation of(double value) {
        return new Observation(value, Optional.empty(), 0, List.of());
    }

    /** A value with its within-run 95% interval. */
    public static Observation of(double value, double low, double high, long sampleSize) {
        return new Observation(value, Optional.of(new ConfidenceInterval(low, high)), sampleSize, List.of());
    }

    /** This observation with its forks' values. */
    public Observation withForkMedians(List<Double> medians) {
        return new Observation(value, ci95, sampleSize, medians);
    }
}
