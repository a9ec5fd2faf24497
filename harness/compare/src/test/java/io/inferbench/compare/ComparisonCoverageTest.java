package io.inferbench.compare;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.ComparisonResult;
import io.inferbench.load.HistogramCodec;
import io.inferbench.api.Interval;
import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap intervals of a comparison are honest: over 1,000 seeded repetitions with two
 * lognormal samples of 400 latencies each, whose true median ratio is known, the 95% interval of
 * the median ratio covers it in 93–97% of repetitions.
 */
class ComparisonCoverageTest {
    private static final int REPETITIONS = 1_000;
    private static final int N = 400;
    /** Fewer than the default 2,000: enough to place 2.5% tails, and keeps 1,000 repetitions fast. */
    private static final int RESAMPLES = 500;
    private static final double SIGMA = 0.5;
    private static final double BASELINE_MEDIAN_NANOS = 2e6;
    private static final double TRUE_RATIO = 1.1;

    @Test
    void medianRatioIntervalCoversTheTrueRatioAbout95PercentOfTheTime() {
        SplittableRandom random = new SplittableRandom(7);
        Histogram a = HistogramCodec.newHistogram();
        Histogram b = HistogramCodec.newHistogram();
        int covered = 0;
        int p99Covered = 0;
        for (int rep = 0; rep < REPETITIONS; rep++) {
            a.reset();
            b.reset();
            record(a, BASELINE_MEDIAN_NANOS * TRUE_RATIO, random);
            record(b, BASELINE_MEDIAN_NANOS, random);
            ComparisonOptions options = ComparisonOptions.defaults().withResamples(RESAMPLES).withSeed(rep);
            ComparisonResult r = Comparison.compare(new LatencySample("a", "", a, List.of()),
                    new LatencySample("b", "", b, List.of()), options);
            covered += contains(r.ratioCi95(), TRUE_RATIO) ? 1 : 0;
            p99Covered += contains(r.p99RatioCi95(), TRUE_RATIO) ? 1 : 0;
        }
        double rate = covered / (double) REPETITIONS;
        System.out.printf("median ratio 95%% CI coverage: %d / %d; p99 ratio: %d / %d%n", covered, REPETITIONS,
                p99Covered, REPETITIONS);
        assertTrue(rate >= 0.93 && rate <= 0.97,
                "median-ratio interval covered the true ratio in " + covered + " of " + REPETITIONS);
    }

    private static void record(Histogram h, double medianNanos, SplittableRandom random) {
        for (int i = 0; i < N; i++) {
            h.recordValue(Math.round(medianNanos * Math.exp(SIGMA * random.nextGaussian())));
        }
    }

    private static boolean contains(Interval ci, double value) {
        return ci.low() <= value && value <= ci.high();
    }
}
