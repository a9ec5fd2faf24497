package io.inferbench.compare;

/**
 * How to compare two configurations.
 *
 * @param metric           the location metric behind the ratio and the verdict
 * @param tolerancePercent the equivalence margin X, in percent: ratios within (1/(1+X), 1+X) count as equal
 * @param resamples        bootstrap resamples; each costs O(log buckets), so thousands are cheap
 * @param seed             seed of the bootstrap's random numbers: the same inputs give the same result
 */
public record ComparisonOptions(LocationMetric metric, double tolerancePercent, int resamples, long seed) {
    /** The default margin: differences within ±5% are called equivalent. */
    public static final double DEFAULT_TOLERANCE_PERCENT = 5;
    /** Enough resamples for the 2.5% tails to rest on 50 resamples each. */
    public static final int DEFAULT_RESAMPLES = 2_000;
    public static final long DEFAULT_SEED = 0x1BF_2024L;
    /** Fewer resamples would leave too few in the 2.5% tails to place the interval's bounds. */
    static final int MIN_RESAMPLES = 200;

    public ComparisonOptions {
        if (metric == null) {
            throw new IllegalArgumentException("metric is required");
        }
        if (!(tolerancePercent > 0 && tolerancePercent < 100)) {
            throw new IllegalArgumentException("tolerancePercent must be in (0, 100), got " + tolerancePercent);
        }
        if (resamples < MIN_RESAMPLES) {
            throw new IllegalArgumentException("resamples must be at least " + MIN_RESAMPLES + ", got " + resamples);
        }
    }

    /** Median, ±5%, 2,000 resamples, a fixed seed. */
    public static ComparisonOptions defaults() {
        return new ComparisonOptions(LocationMetric.MEDIAN, DEFAULT_TOLERANCE_PERCENT, DEFAULT_RESAMPLES, DEFAULT_SEED);
    }

    public ComparisonOptions withMetric(LocationMetric m) {
        return new ComparisonOptions(m, tolerancePercent, resamples, seed);
    }

    public ComparisonOptions withTolerancePercent(double percent) {
        return new ComparisonOptions(metric, percent, resamples, seed);
    }

    public ComparisonOptions withResamples(int n) {
        return new ComparisonOptions(metric, tolerancePercent, n, seed);
    }

    public ComparisonOptions withSeed(long s) {
        return new ComparisonOptions(metric, tolerancePercent, resamples, s);
    }
}
