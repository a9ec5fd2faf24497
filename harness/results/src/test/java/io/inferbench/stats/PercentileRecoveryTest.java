package io.inferbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.load.HistogramCodec;
import io.inferbench.result.LatencySummary;
import io.inferbench.result.PercentileEstimate;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link LatencyStatistics#summarize} recovers the exact sample percentiles, mean and standard
 * deviation of 200k samples within HdrHistogram's precision (3 significant digits).
 */
class PercentileRecoveryTest {
    private static final int N = 200_000;

    static Stream<Arguments> distributions() {
        return Stream.of(
                Arguments.of("lognormal median 2 ms, sigma 0.5",
                        (ToDoubleFunction<SplittableRandom>) r -> 2e6 * Math.exp(0.5 * r.nextGaussian())),
                Arguments.of("uniform 1..3 ms", (ToDoubleFunction<SplittableRandom>) r -> 1e6 + 2e6 * r.nextDouble()),
                Arguments.of("exponential mean 1 ms",
                        (ToDoubleFunction<SplittableRandom>) r -> -1e6 * Math.log(1 - r.nextDouble())),
                Arguments.of("bimodal 1 ms ± 0.1 (90%), 10 ms ± 1 (10%)",
                        (ToDoubleFunction<SplittableRandom>) r -> r.nextDouble() < 0.1
                                ? 10e6 + (2 * r.nextDouble() - 1) * 1e6 : 1e6 + (2 * r.nextDouble() - 1) * 0.1e6));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("distributions")
    void percentilesMeanAndStdevMatchTheSample(String name, ToDoubleFunction<SplittableRandom> draw) {
        SplittableRandom random = new SplittableRandom(42);
        long[] samples = new long[N];
        Histogram h = HistogramCodec.newHistogram();
        for (int i = 0; i < N; i++) {
            samples[i] = Math.max(1, Math.round(draw.applyAsDouble(random)));
            h.recordValue(samples[i]);
        }
        Arrays.sort(samples);
        LatencySummary s = LatencyStatistics.summarize(h);

        assertEquals(N, s.count());
        for (double p : LatencyStatistics.PERCENTILES) {
            // The exact sample quantile: the smallest sample with at least p% of the samples at or below it.
            long exact = samples[(int) Math.ceil(p / 100 * N) - 1];
            double tolerance = 0.001 * exact + h.sizeOfEquivalentValueRange(exact);
            PercentileEstimate e = s.percentile(p);
            assertEquals(exact, e.valueMs() * 1e6, tolerance, name + " p" + p);
            assertTrue(e.ci95Ms().low() <= e.valueMs() && e.valueMs() <= e.ci95Ms().high(), name + " p" + p);
            assertTrue(e.ci95Ms().bounded(), name + " p" + p + " is bounded with 200k samples");
        }
        double mean = Arrays.stream(samples).average().orElseThrow();
        double variance = Arrays.stream(samples).mapToDouble(v -> (v - mean) * (v - mean)).sum() / N;
        assertEquals(mean, s.meanMs() * 1e6, 0.001 * mean, name + " mean");
        assertEquals(Math.sqrt(variance), s.stdevMs() * 1e6, 0.001 * Math.sqrt(variance), name + " stdev");
        assertEquals(samples[0], s.minMs() * 1e6, h.sizeOfEquivalentValueRange(samples[0]), name + " min");
        assertEquals(samples[N - 1], s.maxMs() * 1e6, h.sizeOfEquivalentValueRange(samples[N - 1]), name + " max");
    }
}
