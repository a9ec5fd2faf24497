package io.inferbench.export;

import java.util.Locale;
import java.util.Optional;

/**
 * The figures exported for each measured configuration: the gate's metrics, under the names the
 * command line uses ({@code --threshold p99=5%}).
 */
public enum Metric {
    P50("p50", "ms", true, "median latency"),
    P99("p99", "ms", true, "99th-percentile latency"),
    THROUGHPUT("throughput", "inferences/s", false, "throughput"),
    /** The first accuracy task's main metric, a proportion in [0, 1]. */
    ACCURACY("accuracy", "proportion", false, "accuracy of the first accuracy task's main metric"),
    PEAK_RSS("peak-rss", "bytes", true, "peak resident set size of the process that ran the backend"),
    ENERGY_PER_INFERENCE("energy-per-inference", "J", true, "CPU package energy per inference of the measurement");

    private final String key;
    private final String unit;
    private final boolean lowerIsBetter;
    private final String description;

    Metric(String key, String unit, boolean lowerIsBetter, String description) {
        this.key = key;
        this.unit = unit;
        this.lowerIsBetter = lowerIsBetter;
        this.description = description;
    }

    /** The command line's name: {@code p50}, {@code peak-rss}. */
    public String key() {
        return key;
    }

    /** The unit of its value in the result: {@code ms}, {@code inferences/s}, {@code proportion}, {@code bytes}, {@code J}. */
    public String unit() {
        return unit;
    }

    public boolean lowerIsBetter() {
        return lowerIsBetter;
    }

    /** One phrase, for HELP lines and tooltips. */
    public String description() {
        return description;
    }

    /**
     * The metric a gate verdict names. The gate record spells some with spaces ({@code peak RSS},
     * {@code energy per inference}); the command line with hyphens: both are accepted.
     */
    public static Optional<Metric> byName(String name) {
        String normalized = name.trim().toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-');
        for (Metric m : values()) {
            if (m.key.equals(normalized)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
