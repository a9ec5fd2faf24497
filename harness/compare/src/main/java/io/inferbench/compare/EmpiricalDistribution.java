package io.inferbench.compare;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * A latency histogram as a sorted list of distinct values with cumulative counts: the empirical
 * distribution, in nanoseconds. Quantiles and bootstrap draws cost O(log buckets), whatever the
 * number of samples.
 */
final class EmpiricalDistribution {
    private final long[] values;
    /** cumulative[i] = number of samples with a value at most values[i]. */
    private final long[] cumulative;
    private final long[] counts;
    private final double mean;
    private final double stdev;

    /**
     * @param centers each bucket's value for the mean: HdrHistogram's median-equivalent value, as
     *                its {@code getMean()} uses (the highest-equivalent one would bias it up by ~0.05%)
     */
    private EmpiricalDistribution(long[] values, long[] centers, long[] counts) {
        this.values = values;
        this.counts = counts;
        this.cumulative = new long[values.length];
        long total = 0;
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            total += counts[i];
            cumulative[i] = total;
            sum += (double) centers[i] * counts[i];
        }
        this.mean = total == 0 ? Double.NaN : sum / total;
        double squares = 0;
        for (int i = 0; i < values.length; i++) {
            double d = centers[i] - mean;
            squares += d * d * counts[i];
        }
        this.stdev = total < 2 ? Double.NaN : Math.sqrt(squares / (total - 1));
    }

    /**
     * The histogram's recorded values, each reported as HdrHistogram reports percentiles (the
     * highest value equivalent to its bucket), so quantiles here match the result's summaries.
     */
    static EmpiricalDistribution of(Histogram h) {
        long[] values = new long[64];
        long[] centers = new long[64];
        long[] counts = new long[64];
        int buckets = 0;
        if (h.getTotalCount() > 0) {
            // Walk the buckets directly: HdrHistogram's recordedValues() iterator costs several times
            // more per bucket, and a comparison's bootstrap test builds thousands of these.
            long max = h.getMaxValue();
            for (long v = h.lowestEquivalentValue(h.getMinValue()); v <= max; v = h.nextNonEquivalentValue(v)) {
                long c = h.getCountAtValue(v);
                if (c == 0) {
                    continue;
                }
                if (buckets == values.length) {
                    values = Arrays.copyOf(values, 2 * buckets);
                    centers = Arrays.copyOf(centers, 2 * buckets);
                    counts = Arrays.copyOf(counts, 2 * buckets);
                }
                values[buckets] = h.highestEquivalentValue(v);
                centers[buckets] = h.medianEquivalentValue(v);
                counts[buckets++] = c;
            }
        }
        return new EmpiricalDistribution(Arrays.copyOf(values, buckets), Arrays.copyOf(centers, buckets),
                Arrays.copyOf(counts, buckets));
    }

    /** From raw values (tests, and callers without a histogram); ties are merged. */
    static EmpiricalDistribution ofValues(long... raw) {
        long[] sorted = raw.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        long[] values = new long[sorted.length];
        long[] counts = new long[sorted.length];
        for (long v : sorted) {
            if (distinct > 0 && values[distinct - 1] == v) {
                counts[distinct - 1]++;
            } else {
                values[distinct] = v;
                counts[distinct++] = 1;
            }
        }
        long[] exact = Arrays.copyOf(values, distinct);
        return new EmpiricalDistribution(exact, exact, Arrays.copyOf(counts, distinct));
    }

    long count() {
        return cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
    }

    int buckets() {
        return values.length;
    }

    long value(int bucket) {
        return values[bucket];
    }

    long countAt(int bucket) {
        return counts[bucket];
    }

    double mean() {
        return mean;
    }

    double stdev() {
        return stdev;
    }

    /** The rank-th smallest sample, 1-based. */
    long atRank(long rank) {
        int i = Arrays.binarySearch(cumulative, rank);
        // Not found: (-(insertion point) - 1); the insertion point is the first bucket reaching the rank.
        return values[i >= 0 ? i : -i - 1];
    }

    /** The p-quantile (0 < p ≤ 1) as HdrHistogram defines it: the ceil(p·n)-th smallest sample. */
    double quantile(double p) {
        return atRank(rank(count(), p));
    }

    static long rank(long n, double p) {
        return Math.max(1, Math.min(n, (long) Math.ceil(p * n - 1e-9)));
    }

    /**
     * The p-quantile of a bootstrap resample (n draws with replacement), drawn exactly without
     * drawing the resample: its r-th order statistic is F⁻¹(U₍ᵣ₎), with F⁻¹ this distribution's
     * quantile function and U₍ᵣ₎ the r-th of n uniforms, which is Beta(r, n − r + 1).
     */
    double bootstrapQuantile(double p, SplittableRandom random) {
        long n = count();
        long r = rank(n, p);
        double u = BetaSampler.sample(r, n - r + 1, random);
        return atRank(Math.max(1, Math.min(n, (long) Math.ceil(u * n))));
    }

    /**
     * The mean of a bootstrap resample, approximately: by the central limit theorem it is normal
     * around the sample mean with the standard error s/√n. Exact resampling would cost O(buckets)
     * per resample; at the sample sizes of a benchmark the difference is negligible.
     */
    double bootstrapMean(SplittableRandom random) {
        return mean + random.nextGaussian() * stdev / Math.sqrt(count());
    }
}
