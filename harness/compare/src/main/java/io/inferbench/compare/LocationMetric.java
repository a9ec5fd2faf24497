package io.inferbench.compare;

import java.util.Arrays;
import java.util.Locale;

/** The latency statistic whose ratio decides a comparison's verdict. */
public enum LocationMetric {
    /** The median (p50): robust to the stalls and outliers every latency distribution has. */
    MEDIAN("p50", "median", 0.5),
    /** The 90th percentile: the tail MLPerf's single-stream scenario is judged on. */
    P90("p90", "p90", 0.90),
    /** The 99th percentile: the tail a latency target is usually set on; needs the most samples. */
    P99("p99", "p99", 0.99),
    /** The arithmetic mean: what throughput follows, but sensitive to outliers. */
    MEAN("mean", "mean", Double.NaN);

    private final String key;
    private final String word;
    private final double quantile;

    LocationMetric(String key, String word, double quantile) {
        this.key = key;
        this.word = word;
        this.quantile = quantile;
    }

    /**
     * The metric a scenario's {@code compare.metric} names: {@code median}, {@code p90}, {@code p99}
     * (or {@code mean}, or a key such as {@code p50}).
     *
     * @throws IllegalArgumentException for any other name
     */
    public static LocationMetric named(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.word.equals(n) || m.key.equals(n)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no comparison metric '" + name
                        + "': expected median, p90, p99 or mean"));
    }

    /** The name in results: {@code p50}, {@code p90}, {@code p99} or {@code mean}. */
    public String key() {
        return key;
    }

    /** The name in sentences: {@code median}, {@code p90}, {@code p99} or {@code mean}. */
    public String word() {
        return word;
    }

    /** The quantile this metric is (0.5 for the median); NaN for the mean. */
    double quantile() {
        return quantile;
    }

    /** The statistic of a distribution. */
    double of(EmpiricalDistribution d) {
        return this == MEAN ? d.mean() : d.quantile(quantile);
    }
}
