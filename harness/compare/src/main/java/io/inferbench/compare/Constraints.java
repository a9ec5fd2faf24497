package io.inferbench.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * What a recommended configuration must meet. NaN leaves a limit unset.
 *
 * @param latencyPercentile     the percentile latency limits and objectives refer to, e.g. 99
 * @param maxLatencyMs          the most that percentile may be, e.g. 50 ms
 * @param minThroughput         the least throughput, in the unit of {@link Objectives#throughput()}
 * @param maxAccuracyDropPoints the most accuracy may fall below the reference, in percentage points
 * @param accuracyReferenceId   the configuration whose accuracy is the reference (e.g. the fp32 one);
 *                              null for the most accurate configuration measured
 * @param maxMemoryBytes        the most memory
 */
public record Constraints(double latencyPercentile, double maxLatencyMs, double minThroughput,
                          double maxAccuracyDropPoints, String accuracyReferenceId, double maxMemoryBytes) {
    public Constraints {
        if (!(latencyPercentile > 0 && latencyPercentile < 100)) {
            throw new IllegalArgumentException("latencyPercentile must be in (0, 100), got " + latencyPercentile);
        }
    }

    /** No limits; latencies are the given percentile. */
    public static Constraints none(double latencyPercentile) {
        return new Constraints(latencyPercentile, Double.NaN, Double.NaN, Double.NaN, null, Double.NaN);
    }

    public Constraints withMaxLatencyMs(double ms) {
        return new Constraints(latencyPercentile, ms, minThroughput, maxAccuracyDropPoints, accuracyReferenceId,
                maxMemoryBytes);
    }

    public Constraints withMinThroughput(double perSecond) {
        return new Constraints(latencyPercentile, maxLatencyMs, perSecond, maxAccuracyDropPoints, accuracyReferenceId,
                maxMemoryBytes);
    }

    /** @param referenceId the reference configuration, or null for the most accurate one */
    public Constraints withMaxAccuracyDrop(double points, String referenceId) {
        return new Constraints(latencyPercentile, maxLatencyMs, minThroughput, points, referenceId, maxMemoryBytes);
    }

    public Constraints withMaxMemoryBytes(double bytes) {
        return new Constraints(latencyPercentile, maxLatencyMs, minThroughput, maxAccuracyDropPoints,
                accuracyReferenceId, bytes);
    }

    /** The latency's name, e.g. {@code p99} or {@code p99.9}. */
    public String latencyName() {
        return "p" + Units.number(latencyPercentile);
    }

    /** The limits that are set, one line each, e.g. {@code p99 ≤ 50 ms}. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        if (!Double.isNaN(maxLatencyMs)) {
            lines.add(latencyName() + " ≤ " + Units.ms(maxLatencyMs));
        }
        if (!Double.isNaN(minThroughput)) {
            lines.add("throughput ≥ " + Units.perSecond(minThroughput));
        }
        if (!Double.isNaN(maxAccuracyDropPoints)) {
            lines.add("accuracy drop ≤ " + Units.points(maxAccuracyDropPoints) + " vs "
                    + (accuracyReferenceId == null ? "the most accurate" : accuracyReferenceId));
        }
        if (!Double.isNaN(maxMemoryBytes)) {
            lines.add("memory ≤ " + Units.bytes(maxMemoryBytes));
        }
        return lines;
    }
}
