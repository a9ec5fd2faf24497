package io.inferbench.compare;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.ComparisonBasis;
import io.inferbench.result.ComparisonResult;
import io.inferbench.result.ComparisonVerdict;
import io.inferbench.load.HistogramCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The verdicts at the sample sizes documented on {@link Comparison}, over 200 seeded repetitions
 * each, for lognormal latencies with log-sd 0.3 and a ±5% margin: equal distributions are judged
 * EQUIVALENT, and a 10% shift SLOWER (or FASTER), in at least 90% of repetitions.
 */
class ComparisonDetectionTest {
    private static final int REPETITIONS = 200;
    private static final double SIGMA = 0.3;
    private static final double MEDIAN_NANOS = 1e6;
    private static final double SHIFT = 1.10;
    private static final double REQUIRED = 0.90;
    /** Within-run: samples per configuration. */
    private static final int SAMPLES = 2_000;
    /** Forks: forks per configuration, samples per fork, and the log-sd of a fork's level. */
    private static final int FORKS = 10;
    private static final int SAMPLES_PER_FORK = 500;
    private static final double BETWEEN_FORK_SIGMA = 0.02;

    @Test
    void withinRunBootstrapJudgesEqualAsEquivalentAndDetectsATenPercentShift() {
        ComparisonOptions options = ComparisonOptions.defaults().withResamples(1_000);
        for (double[] c : new double[][] {{1, 0}, {SHIFT, 1}, {1 / SHIFT, 2}}) {
            SplittableRandom random = new SplittableRandom(11 + (long) c[1]);
            Histogram a = newHistogram();
            Histogram b = newHistogram();
            int hits = 0;
            ComparisonVerdict expected = expected(c[0]);
            for (int rep = 0; rep < REPETITIONS; rep++) {
                a.reset();
                b.reset();
                record(a, MEDIAN_NANOS * c[0], SAMPLES, random);
                record(b, MEDIAN_NANOS, SAMPLES, random);
                ComparisonResult r = Comparison.compare(new LatencySample("a", "", a, List.of()),
                        new LatencySample("b", "", b, List.of()), options.withSeed(rep));
                assertTrue(r.basis() == ComparisonBasis.WITHIN_RUN_BOOTSTRAP && r.nA() == SAMPLES);
                hits += r.verdict() == expected ? 1 : 0;
            }
            report("within-run, " + SAMPLES + " samples each, ratio " + c[0], expected, hits);
        }
    }

    @Test
    void forksJudgeEqualAsEquivalentAndDetectATenPercentShift() {
        // The bootstrap intervals are not what the verdict rests on here: the fewest resamples keep it fast.
        ComparisonOptions options = ComparisonOptions.defaults().withResamples(ComparisonOptions.MIN_RESAMPLES);
        List<Histogram> forksA = histograms(FORKS);
        List<Histogram> forksB = histograms(FORKS);
        Histogram allA = newHistogram();
        Histogram allB = newHistogram();
        for (double[] c : new double[][] {{1, 0}, {SHIFT, 1}, {1 / SHIFT, 2}}) {
            SplittableRandom random = new SplittableRandom(23 + (long) c[1]);
            ComparisonVerdict expected = expected(c[0]);
            int hits = 0;
            for (int rep = 0; rep < REPETITIONS; rep++) {
                runForks(forksA, allA, MEDIAN_NANOS * c[0], random);
                runForks(forksB, allB, MEDIAN_NANOS, random);
                ComparisonResult r = Comparison.compare(new LatencySample("a", "", allA, forksA),
                        new LatencySample("b", "", allB, forksB), options.withSeed(rep));
                assertTrue(r.basis() == ComparisonBasis.FORKS && r.nA() == FORKS && r.nB() == FORKS);
                hits += r.verdict() == expected ? 1 : 0;
            }
            report(FORKS + " forks of " + SAMPLES_PER_FORK + " samples each, ratio " + c[0], expected, hits);
        }
    }

    private static ComparisonVerdict expected(double ratio) {
        return ratio == 1 ? ComparisonVerdict.EQUIVALENT
                : ratio > 1 ? ComparisonVerdict.SLOWER : ComparisonVerdict.FASTER;
    }

    private static void report(String what, ComparisonVerdict expected, int hits) {
        System.out.printf("%s: %s in %d / %d%n", what, expected, hits, REPETITIONS);
        assertTrue(hits >= REQUIRED * REPETITIONS, what + ": " + expected + " in only " + hits + " of " + REPETITIONS);
    }

    /** Each fork a fresh JVM: its whole latency level moves by a lognormal factor. */
    private static void runForks(List<Histogram> forks, Histogram all, double medianNanos, SplittableRandom random) {
        all.reset();
        for (Histogram f : forks) {
            f.reset();
            double forkMedian = medianNanos * Math.exp(BETWEEN_FORK_SIGMA * random.nextGaussian());
            for (int i = 0; i < SAMPLES_PER_FORK; i++) {
                long v = Math.round(forkMedian * Math.exp(SIGMA * random.nextGaussian()));
                f.recordValue(v);
                all.recordValue(v);
            }
        }
    }

    /**
     * A histogram of 1 µs to 10 s at 3 significant digits, like the project's (0.1% resolution),
     * with a third of its counts array to clear and walk each repetition.
     */
    static Histogram newHistogram() {
        return new Histogram(1_000, 10_000_000_000L, HistogramCodec.SIGNIFICANT_DIGITS);
    }

    private static List<Histogram> histograms(int n) {
        List<Histogram> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(newHistogram());
        }
        return list;
    }

    private static void record(Histogram h, double medianNanos, int n, SplittableRandom random) {
        for (int i = 0; i < n; i++) {
            h.recordValue(Math.round(medianNanos * Math.exp(SIGMA * random.nextGaussian())));
        }
    }
}
