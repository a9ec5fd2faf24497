package io.inferbench.synthetic;

import io.inferbench.load.HistogramCodec;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A latency distribution for the synthetic backend, validated when built (messages name the
 * scenario option). Draws are pure functions of the random stream: no clock, no sleeping.
 *
 * @param distribution      the shape
 * @param latencyMs         fixed: the latency; uniform: the mean; lognormal: the median; bimodal: the first mode
 * @param jitterMs          uniform and bimodal: half-width of the uniform spread around the mean or mode
 * @param sigma             lognormal: standard deviation of the natural log of the latency
 * @param secondLatencyMs   bimodal: the second mode
 * @param secondProbability bimodal: probability of the second mode, 0..1
 * @param failureRate       probability a query throws, 0..1
 */
record LatencyModel(Distribution distribution, double latencyMs, double jitterMs, double sigma,
                    double secondLatencyMs, double secondProbability, double failureRate) {

    /** The shapes a scenario can choose; {@link #option()} is the spelling in scenarios. */
    enum Distribution {
        FIXED, UNIFORM, LOGNORMAL, BIMODAL;

        String option() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Distribution parse(String option) {
            for (Distribution d : values()) {
                if (d.option().equalsIgnoreCase(option)) {
                    return d;
                }
            }
            throw new IllegalArgumentException("distribution must be one of " + String.join(", ",
                    Arrays.stream(values()).map(Distribution::option).toList()) + ", got '" + option + "'");
        }
    }

    /** Longer draws (a wide lognormal) are cut here: the recorder tracks latencies up to this. */
    static final long MAX_NANOS = HistogramCodec.HIGHEST_TRACKABLE_NANOS;

    LatencyModel {
        nonNegative("latency-ms", latencyMs);
        nonNegative("jitter-ms", jitterMs);
        nonNegative("sigma", sigma);
        nonNegative("second-latency-ms", secondLatencyMs);
        fraction("second-probability", secondProbability);
        fraction("failure-rate", failureRate);
        // A spread past zero would be cut there, silently changing the mean the scenario asked for.
        if (distribution == Distribution.UNIFORM && jitterMs > latencyMs) {
            throw new IllegalArgumentException("jitter-ms (" + jitterMs + ") must not exceed latency-ms (" + latencyMs
                    + ") with distribution uniform: latencies would go below 0");
        }
        if (distribution == Distribution.BIMODAL && jitterMs > Math.min(latencyMs, secondLatencyMs)) {
            throw new IllegalArgumentException("jitter-ms (" + jitterMs + ") must not exceed latency-ms (" + latencyMs
                    + ") or second-latency-ms (" + secondLatencyMs + ") with distribution bimodal: latencies would go "
                    + "below 0");
        }
    }

    /** A fixed latency that never fails. */
    static LatencyModel fixed(double latencyMs) {
        return new LatencyModel(Distribution.FIXED, latencyMs, 0, 0, 0, 0, 0);
    }

    /** Next service time in nanoseconds. */
    long nextNanos(SplittableRandom random) {
        double ms = switch (distribution) {
            case FIXED -> latencyMs;
            case UNIFORM -> latencyMs + spread(random);
            // Median latencyMs: the median of exp(sigma·Z) is 1.
            case LOGNORMAL -> latencyMs * Math.exp(sigma * random.nextGaussian());
            case BIMODAL -> (random.nextDouble() < secondProbability ? secondLatencyMs : latencyMs) + spread(random);
        };
        return Math.min(MAX_NANOS, Math.max(0, Math.round(ms * 1e6)));
    }

    boolean nextFails(SplittableRandom random) {
        return failureRate > 0 && random.nextDouble() < failureRate;
    }

    private double spread(SplittableRandom random) {
        return (random.nextDouble() * 2 - 1) * jitterMs;
    }

    private static void nonNegative(String option, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(option + " must be a number >= 0, got " + value);
        }
    }

    private static void fraction(String option, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(option + " must be between 0 and 1, got " + value);
        }
    }
}
