package io.inferbench.stats;

import io.inferbench.result.EarlyStoppingEstimate;
import org.HdrHistogram.Histogram;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.special.Beta;

/**
 * MLPerf LoadGen's early-stopping estimate of a latency percentile: a sample latency that, with
 * confidence {@code c}, is at least the true p-th percentile, however few queries were run.
 *
 * <p>The rule, as LoadGen applies it to SingleStream and MultiStream runs
 * ({@code loadgen/early_stopping.cc} and {@code PerformanceSummary::EarlyStopping} in
 * <a href="https://github.com/mlcommons/inference/tree/master/loadgen">mlcommons/inference</a>):
 * call a query "over" a latency when it took at least that long. If the latency were below the
 * true percentile, each query would be over it with probability at least {@code 1 - p}. With
 * {@code n} queries, LoadGen takes the largest {@code t >= 1} with
 * <pre>
 *     P(Binomial(n, 1 - p) &lt;= t) &lt; 1 - c
 * </pre>
 * and reports the t-th largest latency (it "discards the t - 1 highest"): seeing as few as
 * {@code t} over-latency queries would be that unlikely were the estimate below the percentile.
 * In ascending ranks the estimate is {@code X(k)} with {@code k = n - t + 1}, the smallest rank with
 * {@code P(Binomial(n, p) >= k - 1) < 1 - c}.
 *
 * <p>Because the estimate's own query counts among the {@code t}, this is one rank more conservative
 * than the plain order-statistic bound ({@code P(Binomial(n, p) >= k) <= 1 - c}); it is kept so the
 * numbers match LoadGen's. With {@code t = 1} needed, the fewest queries are the smallest {@code n}
 * with {@code p^n + n(1 - p)p^(n-1) < 1 - c}: 64 for p90 and 662 for p99 at 99% confidence, the
 * figures LoadGen prints ("Processed at least 64 queries", "would need to process at least 662").
 * The plain bound would need only {@code p^n <= 1 - c}, i.e. 44 for p90.
 *
 * <p>Assumes independent queries. Stateless and thread-safe.
 */
public final class EarlyStopping {
    /** LoadGen's confidence. */
    public static final double DEFAULT_CONFIDENCE = 0.99;

    private EarlyStopping() {
    }

    /** {@link #estimate(Histogram, double, double)} at LoadGen's 99% confidence. */
    public static EarlyStoppingEstimate estimate(Histogram latenciesNanos, double percentile) {
        return estimate(latenciesNanos, percentile, DEFAULT_CONFIDENCE);
    }

    /**
     * The early-stopping estimate of a percentile from a phase's latencies.
     *
     * @param latenciesNanos latencies in nanoseconds; not modified
     * @param percentile     e.g. 90 or 99; strictly between 0 and 100
     * @param confidence     e.g. 0.99; strictly between 0 and 1
     * @return the estimate in milliseconds (NaN when there are fewer than {@link #minimumQueries} queries)
     */
    public static EarlyStoppingEstimate estimate(Histogram latenciesNanos, double percentile, double confidence) {
        long minimum = minimumQueries(percentile, confidence);
        long n = latenciesNanos.getTotalCount();
        long rank = rank(n, percentile, confidence);
        double valueMs = rank == 0 ? Double.NaN : LatencyStatistics.valueAtRank(latenciesNanos, rank) / 1e6;
        return new EarlyStoppingEstimate(percentile, confidence, n, valueMs, minimum, n >= minimum);
    }

    /**
     * The fewest queries for which an estimate exists: the smallest {@code n} with
     * {@code P(Binomial(n, 1 - p) <= 1) < 1 - c}.
     */
    public static long minimumQueries(double percentile, double confidence) {
        double p = check(percentile, confidence);
        // P(at most one over) = p^n (1 + n(1-p)/p) falls with n: bracket by doubling, then bisect.
        long high = 1;
        while (!(atMostOneOver(high, p) < 1 - confidence)) {
            high *= 2;
        }
        long low = high / 2; // fails (or is 0)
        while (high - low > 1) {
            long mid = low + (high - low) / 2;
            if (atMostOneOver(mid, p) < 1 - confidence) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return high;
    }

    /**
     * The ascending 1-based rank of the estimate among {@code queries} sorted latencies, or 0 when
     * there are too few queries.
     */
    public static long rank(long queries, double percentile, double confidence) {
        double p = check(percentile, confidence);
        if (queries < minimumQueries(percentile, confidence)) {
            return 0;
        }
        // The largest t in [1, n] with P(Binomial(n, 1-p) <= t) < 1-c; that probability rises with t.
        long low = 1;
        long high = queries; // P(... <= n) = 1: fails
        while (high - low > 1) {
            long mid = low + (high - low) / 2;
            if (atMostOver(mid, queries, p) < 1 - confidence) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return queries - low + 1;
    }

    /** P(Binomial(n, 1 - p) <= t): at most t of n queries over the p-th percentile. */
    static double atMostOver(long t, long n, double p) {
        if (n <= Integer.MAX_VALUE) {
            return new BinomialDistribution(null, (int) n, 1 - p).cumulativeProbability((int) t);
        }
        // What BinomialDistribution computes, for counts past an int: P(X <= t) = I_p(n - t, t + 1).
        return t >= n ? 1 : Beta.regularizedBeta(p, n - t, t + 1.0);
    }

    private static double atMostOneOver(long n, double p) {
        return Math.exp(n * Math.log(p) + Math.log1p(n * (1 - p) / p));
    }

    /** The percentile as a fraction, after checking both arguments. */
    private static double check(double percentile, double confidence) {
        if (!(percentile > 0 && percentile < 100)) {
            throw new IllegalArgumentException("percentile must be between 0 and 100 (exclusive), got " + percentile);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1 (exclusive), got " + confidence);
        }
        return percentile / 100;
    }
}
