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
 * <p>Cost: O(n log n) per scan (distance sums from one pass of Fenwick trees over the values'
 * ranks), so {@code permutations · n log n} per accepted change: a year of nightly runs takes
 * milliseconds.
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
        Segment segment = new Segment(Arrays.copyOfRange(series, from, to));
        int[] at = new int[1];
        double q = segment.maxQ(minSegment, at);
        return Double.isNaN(q) ? null : new Split(from, to, from + at[0], q);
    }

    private double pValue(double[] series, Split split, SplittableRandom random) {
        Segment segment = new Segment(Arrays.copyOfRange(series, split.from, split.to));
        int atLeast = 0;
        int[] ignored = new int[1];
        // Once more permutations score as high as alpha allows, the split is rejected whatever the rest do:
        // stop there. A rejected split ends the search, so no later test sees a different random stream.
        for (int r = 0; r < permutations; r++) {
            segment.shuffle(random);
            if (segment.maxQ(minSegment, ignored) >= split.q
                    && (++atLeast + 1.0) / (permutations + 1.0) > alpha) {
                return (atLeast + 1.0) / (permutations + 1.0); // a lower bound, enough to reject
            }
        }
        return (atLeast + 1.0) / (permutations + 1.0);
    }

    /** {@link Segment#maxQ} of {@code v} as it stands (for tests against the plain O(n²) sums). */
    double maxQ(double[] v, int[] at) {
        return new Segment(v.clone()).maxQ(minSegment, at);
    }

    /**
     * A segment's values in their current order, with what a scan needs that a permutation does not
     * change: each value's rank, its distance to every point ({@code Σ_j |v_t − v_j|}), the total of
     * all pairwise distances, and scratch arrays reused by every scan of the permutation test.
     */
    private static final class Segment {
        private final double[] v;
        private final int[] rank;
        /** all[t] = Σ_j |v_t − v_j| over the whole segment: moves with its value when shuffled. */
        private final double[] all;
        private final double total;
        private final double[] leftRow;
        private final long[] count;
        private final double[] sum;

        Segment(double[] values) {
            v = values;
            int n = v.length;
            rank = ranks(v);
            all = new double[n];
            leftRow = new double[n];
            count = new long[n + 1];
            sum = new double[n + 1];
            // Σ_j |v_t − v_j| from the sorted values: (below·v − sum below) + (sum above − above·v).
            double[] sorted = v.clone();
            Arrays.sort(sorted);
            double[] prefix = new double[n + 1];
            for (int i = 0; i < n; i++) {
                prefix[i + 1] = prefix[i] + sorted[i];
            }
            double pairs = 0;
            for (int t = 0; t < n; t++) {
                int below = rank[t]; // values strictly smaller (ties share the lowest rank)
                int upTo = upperBound(sorted, v[t]);
                all[t] = (below * v[t] - prefix[below]) + ((prefix[n] - prefix[upTo]) - (n - upTo) * v[t]);
                pairs += all[t];
            }
            total = pairs / 2;
        }

        /**
         * The largest Q over the splits leaving at least {@code minSegment} on each side, its split
         * index in {@code at[0]}; NaN when the segment is too short. One pass of Fenwick trees over
         * the ranks gives {@code Σ_{i<t} |v_i − v_t|} for every t in O(n log n); the distances to the
         * points after t are then {@code all[t]} minus those, so the O(n²) pair sums are never formed.
         */
        double maxQ(int minSegment, int[] at) {
            int n = v.length;
            if (n < 2 * minSegment) {
                return Double.NaN;
            }
            distancesToEarlier();
            double withinLeft = 0;
            double withinRight = total;
            double best = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < n - 1; t++) {
                // Move point t from the right part to the left: left is now [0, t], right [t+1, n).
                withinLeft += leftRow[t];
                withinRight -= all[t] - leftRow[t];
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
         * {@code leftRow[t] = Σ_{i<t} |v_i − v_t|}: the points seen so far are kept in Fenwick trees
         * indexed by rank, holding how many there are and their sum, so those below {@code v_t} and
         * those above it are each one prefix query.
         */
        private void distancesToEarlier() {
            int n = v.length;
            Arrays.fill(count, 0);
            Arrays.fill(sum, 0);
            long seen = 0;
            double seenSum = 0;
            for (int t = 0; t < n; t++) {
                long below = 0;
                double belowSum = 0;
                for (int i = rank[t]; i > 0; i -= i & -i) { // ranks < rank[t]: strictly smaller values
                    below += count[i];
                    belowSum += sum[i];
                }
                double x = v[t];
                leftRow[t] = (below * x - belowSum) + ((seenSum - belowSum) - (seen - below) * x);
                for (int i = rank[t] + 1; i <= n; i += i & -i) {
                    count[i]++;
                    sum[i] += x;
                }
                seen++;
                seenSum += x;
            }
        }

        /** A uniform permutation (Fisher–Yates); each value keeps its rank and distance sum. */
        void shuffle(SplittableRandom random) {
            for (int i = v.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                double t = v[i];
                v[i] = v[j];
                v[j] = t;
                int r = rank[i];
                rank[i] = rank[j];
                rank[j] = r;
                double d = all[i];
                all[i] = all[j];
                all[j] = d;
            }
        }

        /** First index of {@code sorted} holding a value greater than {@code x}. */
        private static int upperBound(double[] sorted, double x) {
            int lo = 0;
            int hi = sorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] <= x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
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

    private static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s / (to - from);
    }
}
