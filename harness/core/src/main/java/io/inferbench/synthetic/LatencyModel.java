package io.inferbench.synthetic;

import java.util.SplittableRandom;

/**
 * A latency distribution for the synthetic backend.
 *
 * @param distribution {@code fixed} or {@code uniform}
 * @param meanMs       mean latency
 * @param jitterMs     half-width for {@code uniform}
 * @param failureRate  probability a query throws
 */
record LatencyModel(String distribution, double meanMs, double jitterMs, double failureRate) {

    /** Next service time in nanoseconds. */
    long nextNanos(SplittableRandom random) {
        double ms = switch (distribution) {
            case "uniform" -> meanMs + (random.nextDouble() * 2 - 1) * jitterMs;
            default -> meanMs;
        };
        return Math.max(0, Math.round(ms * 1e6));
    }

    boolean nextFails(SplittableRandom random) {
        return failureRate > 0 && random.nextDouble() < failureRate;
    }
}
