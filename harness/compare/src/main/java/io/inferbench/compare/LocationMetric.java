package io.inferbench.compare;

/** The latency statistic whose ratio decides a comparison's verdict. */
public enum LocationMetric {
    /** The median (p50): robust to the stalls and outliers every latency distribution has. */
    MEDIAN("p50", "median"),
    /** The arithmetic mean: what throughput follows, but sensitive to outliers. */
    MEAN("mean", "mean");

    private final String key;
    private final String word;

    LocationMetric(String key, String word) {
        this.key = key;
        this.word = word;
    }

    /** The name in results: {@code p50} or {@code mean}. */
    public String key() {
        return key;
    }

    /** The name in sentences: {@code median} or {@code mean}. */
    public String word() {
        return word;
    }

    /** The statistic of a distribution. */
    double of(EmpiricalDistribution d) {
        return this == MEDIAN ? d.quantile(0.5) : d.mean();
    }
}
