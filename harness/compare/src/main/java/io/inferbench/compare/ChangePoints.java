package io.inferbench.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Finds where a series of measurements (e.g. one configuration's median latency across nightly runs)
 * changed level: the E-divisive means method of Matteson and James (2014), the one Apache Otava
 * (formerly Hunter) and MongoDB's performance CI use, with its permutation significance test.
 *
 * <p>For a segment, every split into a left and a right part (each at least {@code minSegment}
 * long) is scored by the energy-distance statistic
 * {@code Q = mk/(m+k) · (2·mean|x−y| − mean|x−x'| − mean|y−y'|)} (alpha = 1), which grows when the
 * two parts come from different distributions, whatever their shape. The best split of the segment
 * is significant when fewer than {@code alpha} of the permutations of that segment's values score
 * as high: under "no change" the order carries no information, so shuffling it should do as well.
 * Significant splits are taken one at a time, the strongest first, until none is left (the
 * hierarchical procedure of the paper). The permutations use a fixed seed: the same series always
 * gives the same answer.
 *
 * <p>Cost: O(n log n) per scan (distance sums from Fenwick trees over the values' ranks), so
 * {@code permutations · n log n} per accepted change: a year of nightly runs takes milliseconds.
 * Immutable and thread-safe.
 *
 * @param minSegment   fewest points on each side of a change (at least 2)
 * @param permutations permutations per significance test (at least 19)
 * @param alpha        significance level: a split is a change when its permutation p-value is at most this
 * @param seed         seed of the permutations
 */
public record ChangePoints(int minSegment, int permutations, double alpha, long seed) {
    /** Defaults: segments of at least 3 runs, 199 permutations, p ≤ 0.01. */
    public static final ChangePoints DEFAULT = new ChangePoints(3, 199, 0.01, 0x0_7A7AL);

    public ChangePoints {
        if (minSegment < 2) {
            throw new IllegalArgumentException("minSegment must be at least 2, got " + minSegment);
        }
        if (permutations < 19) {
            throw new IllegalArgumentException("permutations must be at least 19, got " + permutations);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
    }

    /**
     * One detected change.
     *
     * @param index      the first point of the new level (0-based index into the series)
     * @param pValue     permutation p-value of the split when it was accepted
     * @param meanBefore mean of the segment ending just before {@code index}
     * @param meanAfter  mean of the segment starting at {@code index}
     */
    public record Change(int index, double pValue, double meanBefore, double meanAfter) {
        /** Relative change of the mean, e.g. 0.12 for 12% higher after the change. */
        public double relative() {
            return meanAfter / meanBefore - 1;
        }
    }

    /**
     * The changes in {@code series}, in index order. Non-finite values are not allowed (leave
     * missing runs out of the series). A series shorter than {@code 2 · minSegment} has none.
     */
    public List<Change> detect(double[] series) {
        for (int i = 0; i < series.length; i++) {
            if (!Double.isFinite(series[i])) {
                throw new IllegalArgumentException("series[" + i + "] is not finite: " + series[i]);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> cuts = new ArrayList<>(List.of(0, series.length));
        List<Double> pValues = new ArrayList<>();
        List<Integer> accepted = new ArrayList<>();
        while (true) {
            // The strongest candidate split over every current segment.
            Split best = null;
            for (int s = 0; s + 1 < cuts.size(); s++) {
                Split split = bestSplit(series, cuts.get(s), cuts.get(s + 1));
                if (split != null && (best == null || split.q > best.q)) {
                    best = split;
                }
            }
            if (best == null) {
                break;
            }
            double p = pValue(series, best, random);
            if (p > alpha) {
                break;
            }
            accepted.add(best.at);
            pValues.add(p);
            cuts.add(best.at);
            cuts.sort(Comparator.naturalOrder());
        }
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            int at = accepted.get(i);
            int pos = cuts.indexOf(at);
            changes.add(new Change(at, pValues.get(i), mean(series, cuts.get(pos - 1), at),
                    mean(series, at, cuts.get(pos + 1))));
        }
        changes.sort(Comparator.comparingInt(Change::index));
        return List.copyOf(changes);
    }

    /** The indices at which {@code series} starts a new segment: 0, then each change. */
    public static int[] segmentStarts(List<Change> changes) {
        int[] starts = new int[changes.size() + 1];
        for (int i = 0; i < changes.size(); i++) {
            starts[i + 1] = changes.get(i).index();
        }
        return starts;
    }

    private record Split(int from, int to, int at, double q) {
    }

    private Split bestSplit(double[] series, int from, int to) {
        double[] values = Arrays.copyOfRange(series, from, to);
        int[] at = new int[1];
        double q = maxQ(values, ranks(values), at);
        return Double.isNaN(q) ? null : new Split(from, to, from + at[0], q);
    }

    private double pValue(double[] series, Split split, SplittableRandom random) {
        double[] values = Arrays.copyOfRange(series, split.from, split.to);
        int[] rank = ranks(values);
        int atLeast = 0;
        int[] ignored = new int[1];
        // Once more permutations score as high as alpha allows, the split is rejected whatever the rest do:
        // stop there. A rejected split ends the search, so no later test sees a different random stream.
        for (int r = 0; r < permutations; r++) {
            shuffle(values, rank, random);
            if (maxQ(values, rank, ignored) >= split.q && (++atLeast + 1.0) / (permutations + 1.0) > alpha) {
                return (atLeast + 1.0) / (permutations + 1.0); // a lower bound, enough to reject
            }
        }
        return (atLeast + 1.0) / (permutations + 1.0);
    }

    /** {@link #maxQ(double[], int[], int[])} of {@code v} as it stands (for tests against the plain O(n²) sums). */
    double maxQ(double[] v, int[] at) {
        return maxQ(v, ranks(v), at);
    }

    /**
     * The largest Q over the splits of {@code v} leaving at least {@code minSegment} on each side,
     * its split index in {@code at[0]}; NaN when {@code v} is too short. {@code rank[i]} is the
     * position of {@code v[i]} in sorted order (ties share the lowest). The distance sums
     * {@code Σ_{i<t} |v_i − v_t|} come from Fenwick trees of counts and sums over the ranks, so a
     * scan is O(n log n) rather than O(n²): the permutation test runs it {@code permutations} times.
     */
    private double maxQ(double[] v, int[] rank, int[] at) {
        int n = v.length;
        if (n < 2 * minSegment) {
            return Double.NaN;
        }
        double[] leftRow = new double[n];  // Σ_{i<t} |v_i − v_t|
        double[] rightRow = new double[n]; // Σ_{j>t} |v_t − v_j|
        distanceSums(v, rank, leftRow, false);
        distanceSums(v, rank, rightRow, true);
        double total = 0;
        for (double d : leftRow) {
            total += d;
        }
        double withinLeft = 0;
        double withinRight = total;
        double best = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < n - 1; t++) {
            // Move point t from the right part to the left: left is now [0, t], right [t+1, n).
            withinLeft += leftRow[t];
            withinRight -= rightRow[t];
            int m = t + 1;
            int k = n - m;
            if (m < minSegment || k < minSegment) {
                continue;
            }
            double between = total - withinLeft - withinRight;
            double e = 2 * between / ((double) m * k) - withinLeft / (m * (m - 1) / 2.0)
                    - withinRight / (k * (k - 1) / 2.0);
            double q = (double) m * k / n * e;
            if (q > best) {
                best = q;
                at[0] = m;
            }
        }
        return best;
    }

    /**
     * {@code out[t] = Σ |v_i − v_t|} over the points before {@code t} (or after it, when
     * {@code reverse}): the points seen so far are kept in Fenwick trees indexed by rank, holding
     * how many there are and their sum, so those below {@code v_t} and those above it are each
     * one prefix query.
     */
    private static void distanceSums(double[] v, int[] rank, double[] out, boolean reverse) {
        int n = v.length;
        long[] count = new long[n + 1];
        double[] sum = new double[n + 1];
        long seen = 0;
        double seenSum = 0;
        for (int step = 0; step < n; step++) {
            int t = reverse ? n - 1 - step : step;
            long below = 0;
            double belowSum = 0;
            for (int i = rank[t]; i > 0; i -= i & -i) { // ranks < rank[t]: strictly smaller values
                below += count[i];
                belowSum += sum[i];
            }
            double x = v[t];
            out[t] = (below * x - belowSum) + ((seenSum - belowSum) - (seen - below) * x);
            for (int i = rank[t] + 1; i <= n; i += i & -i) {
                count[i]++;
                sum[i] += x;
            }
            seen++;
            seenSum += x;
        }
    }

    /** Each value's rank in sorted order, 0-based; equal values share the lowest rank. */
    private static int[] ranks(double[] v) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        int[] rank = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            int lo = 0;
            int hi = sorted.length;
            while (lo < hi) { // first index holding a value >= v[i]
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] < v[i]) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            rank[i] = lo;
        }
        return rank;
    }

    private static void shuffle(double[] v, int[] rank, SplittableRandom random) {
        for (int i = v.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
            int r = rank[i];
            rank[i] = rank[j];
            rank[j] = r;
        }
    }

    private static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s / (to - from);
    }
}
