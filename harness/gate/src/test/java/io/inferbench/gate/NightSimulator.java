package io.inferbench.gate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded nights of a synthetic scenario: {@code configurations} configurations, each gated on
 * p50, p99 and throughput, with the noise of a {@link NoiseModel}. A slowdown multiplies a
 * configuration's latencies and divides its throughput. The same seed gives the same nights.
 */
final class NightSimulator {
    /** The metrics a latency scenario gates (accuracy is deterministic; memory and energy are not simulated). */
    static final List<MetricKind> METRICS = List.of(MetricKind.P50, MetricKind.P99, MetricKind.THROUGHPUT);
    private static final double Z_975 = 1.959963984540054;

    private final NoiseModel noise;
    private final int configurations;
    private final Random random;
    private int nights;

    NightSimulator(NoiseModel noise, int configurations, long seed) {
        this.noise = noise;
        this.configurations = configurations;
        this.random = new Random(seed);
    }

    static String label(int configuration) {
        return "config-" + configuration;
    }

    /** A night where nothing changed. */
    RunObservations night() {
        return night(Map.of(), 0);
    }

    /** The next {@code n} unchanged nights, oldest first. */
    List<RunObservations> nights(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> night()).toList();
    }

    /**
     * @param slowdowns      per configuration index: relative slowdown, e.g. 0.10 for latencies ×1.10
     * @param commonSlowdown a slowdown of every configuration (a harness regression)
     */
    RunObservations night(Map<Integer, Double> slowdowns, double commonSlowdown) {
        double machine = noise.common() * random.nextGaussian();
        Map<SeriesKey, Observation> observations = new LinkedHashMap<>();
        for (int c = 0; c < configurations; c++) {
            double slowdown = Math.log1p(slowdowns.getOrDefault(c, 0.0)) + Math.log1p(commonSlowdown);
            for (MetricKind metric : METRICS) {
                int sign = metric.direction().worseSign();
                double log = Math.log(base(c, metric)) + sign * (machine + slowdown)
                        + noise.independent() * random.nextGaussian() + noise.withinRun() * random.nextGaussian();
                double value = Math.exp(log);
                double half = Z_975 * noise.withinRun();
                observations.put(new SeriesKey(label(c), metric),
                        Observation.of(value, value * Math.exp(-half), value * Math.exp(half), 10_000));
            }
        }
        return new RunObservations("night-" + nights++, observations);
    }

    /** Typical values: p50 from 2 ms up, p99 2.5 times that, throughput of one worker. */
    private static double base(int configuration, MetricKind metric) {
        double p50 = 2 + 0.5 * configuration;
        return switch (metric) {
            case P50 -> p50;
            case P99 -> 2.5 * p50;
            case THROUGHPUT -> 1000 / p50;
            default -> throw new IllegalArgumentException("not simulated: " + metric);
        };
    }
}
