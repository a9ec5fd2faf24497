package io.inferbench.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Which order statistics bound a quantile: the distribution-free confidence interval
 * {@code [X(low), X(high)]} for the p-quantile of {@code n} independent samples.
 *
 * <p>With {@code B ~ Binomial(n, p)} the number of samples below the true quantile, the interval
 * covers it with probability {@code P(low <= B <= high - 1)}. Among the rank pairs whose coverage
 * reaches the level, the narrowest is chosen (then the one closest to the level): equal tails would
 * over-cover badly for tail percentiles, where B is skewed and discrete (p99 of 500 samples would
 * cover 98% instead of 95%). When npq is large the binomial is close to normal and the
 * normal-approximation ranks are used, keeping the cost bounded.
 *
 * @param low      1-based rank of the lower bound
 * @param high     1-based rank of the upper bound
 * @param coverage probability that the interval covers the quantile
 * @param bounded  false when no interval within the sample reaches the level; then the ranks are
 *                 the equal-tailed ones clipped to the sample and the interval is too narrow
 */
record OrderStatisticRanks(long low, long high, double coverage, boolean bounded) {
    /** Above this npq, use the normal approximation (skew below 0.001, at most ~16k terms otherwise). */
    private static final double EXACT_LIMIT = 1e6;
    /** How far into the binomial's tails to sum, in standard deviations (plus a few for small npq). */
    private static final double TAIL_SDS = 8;

    /**
     * @param n     sample size, at least 1
     * @param p     the quantile as a fraction, strictly between 0 and 1
     * @param level confidence level, e.g. 0.95
     */
    static OrderStatisticRanks of(long n, double p, double level) {
        double variance = n * p * (1 - p);
        return variance > EXACT_LIMIT || n > Integer.MAX_VALUE ? normal(n, p, level) : exact((int) n, p, level);
    }

    private static OrderStatisticRanks exact(int n, double p, double level) {
        BinomialDistribution b = new BinomialDistribution(null, n, p);
        double sd = Math.sqrt(n * p * (1 - p));
        int lo = (int) Math.max(0, Math.floor(n * p - TAIL_SDS * sd - 10));
        int hi = (int) Math.min(n, Math.ceil(n * p + TAIL_SDS * sd + 10));
        // cdf[k - lo + 1] = P(B <= k) for k in [lo - 1, hi]; beyond the window the tails are negligible.
        double[] cdf = new double[hi - lo + 2];
        cdf[0] = lo == 0 ? 0 : b.cumulativeProbability(lo - 1);
        for (int k = lo; k <= hi; k++) {
            cdf[k - lo + 1] = cdf[k - lo] + b.probability(k);
        }
        long bestLow = 0;
        long bestHigh = 0;
        double bestCoverage = 0;
        int high = 2;
        for (int low = Math.max(1, lo + 1); low < n; low++) {
            double below = at(cdf, lo, low - 1);
            if (below > 1 - level) {
                break;
            }
            // The narrowest upper rank for this lower rank; it never moves down as low rises.
            high = Math.max(high, low + 1);
            while (high <= n && at(cdf, lo, high - 1) - below < level - 1e-12) {
                high++;
            }
            if (high > n) {
                break;
            }
            double coverage = at(cdf, lo, high - 1) - below;
            long width = high - low;
            if (bestHigh == 0 || width < bestHigh - bestLow
                    || width == bestHigh - bestLow && coverage < bestCoverage) {
                bestLow = low;
                bestHigh = high;
                bestCoverage = coverage;
            }
        }
        if (bestHigh == 0) {
            return unbounded(n, p, level, b);
        }
        return new OrderStatisticRanks(bestLow, bestHigh, bestCoverage, true);
    }

    /** P(B <= k) from the window, 0 below it and 1 above it. */
    private static double at(double[] cdf, int lo, long k) {
        if (k < lo - 1) {
            return 0;
        }
        return k - lo + 1 >= cdf.length ? 1 : Math.min(1, cdf[(int) (k - lo + 1)]);
    }

    /** Too few samples for the level: equal tails, each clipped to the sample's extremes. */
    private static OrderStatisticRanks unbounded(int n, double p, double level, BinomialDistribution b) {
        double tail = (1 - level) / 2;
        // Largest low with P(B <= low - 1) <= tail, smallest high with P(B >= high) <= tail.
        long low = Math.max(1, b.inverseCumulativeProbability(tail));
        long high = Math.min(n, b.inverseCumulativeProbability(1 - tail) + 1L);
        double coverage = b.cumulativeProbability((int) high - 1) - b.cumulativeProbability((int) low - 1);
        return new OrderStatisticRanks(low, Math.max(low, high), coverage, false);
    }

    private static OrderStatisticRanks normal(long n, double p, double level) {
        double z = new NormalDistribution().inverseCumulativeProbability((1 + level) / 2);
        double sd = Math.sqrt(n * p * (1 - p));
        long low = (long) Math.floor(n * p - z * sd);
        long high = (long) Math.ceil(n * p + z * sd) + 1;
        boolean bounded = low >= 1 && high <= n;
        return new OrderStatisticRanks(Math.max(1, low), Math.min(n, high), bounded ? level : Double.NaN, bounded);
    }
}
