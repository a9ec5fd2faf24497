package io.inferbench.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.synthetic.LatencyModel.Distribution;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The distributions' empirical quantiles match their parameters; no clock involved. */
class LatencyModelTest {
    private static final int DRAWS = 200_000;

    /** Sorted draws, in milliseconds. */
    private static double[] draw(LatencyModel model, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] ms = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            ms[i] = model.nextNanos(random) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static double quantile(double[] sorted, double q) {
        return sorted[(int) Math.ceil(q * sorted.length) - 1];
    }

    private static LatencyModel model(Distribution d, double latencyMs, double jitterMs, double sigma,
                                      double secondMs, double secondProbability) {
        return new LatencyModel(d, latencyMs, jitterMs, sigma, secondMs, secondProbability, 0);
    }

    @Test
    void fixed() {
        double[] ms = draw(model(Distribution.FIXED, 2.5, 1, 0.5, 10, 0.1), 1);
        assertEquals(2.5, ms[0]);
        assertEquals(2.5, ms[DRAWS - 1]);
    }

    @Test
    void uniform() {
        double[] ms = draw(model(Distribution.UNIFORM, 2, 1, 0, 0, 0), 2);
        assertEquals(2.0, quantile(ms, 0.5), 0.01);
        assertEquals(2.8, quantile(ms, 0.9), 0.01);
        assertTrue(ms[0] >= 1 && ms[DRAWS - 1] <= 3);
    }

    @Test
    void lognormalMedianIsLatencyAndP90FollowsSigma() {
        double[] ms = draw(model(Distribution.LOGNORMAL, 2, 0, 0.5, 0, 0), 3);
        assertEquals(2.0, quantile(ms, 0.5), 2.0 * 0.01);
        double p90 = 2 * Math.exp(0.5 * 1.2815515655446004); // z(0.9)
        assertEquals(p90, quantile(ms, 0.9), p90 * 0.01);
        assertEquals(2.0, quantile(draw(model(Distribution.LOGNORMAL, 2, 0, 0, 0, 0), 3), 0.9), 1e-9,
                "sigma 0 is fixed");
    }

    @Test
    void bimodalModesAndWeights() {
        double[] ms = draw(model(Distribution.BIMODAL, 2, 0.5, 0, 10, 0.2), 4);
        long slow = Arrays.stream(ms).filter(v -> v > 6).count();
        assertEquals(0.2, slow / (double) DRAWS, 0.005);
        // The median falls in the first mode, U[1.5, 2.5], at its 0.5 / 0.8 quantile; p90 is the second's median.
        assertEquals(1.5 + 0.625, quantile(ms, 0.5), 0.01);
        assertEquals(10, quantile(ms, 0.9), 0.02);
        assertTrue(ms[0] >= 1.5 && ms[DRAWS - 1] <= 10.5);
    }

    @Test
    void sameSeedSameSequence() {
        LatencyModel m = model(Distribution.LOGNORMAL, 1, 0, 1, 0, 0);
        assertArrayEquals(draw(m, 9), draw(m, 9));
        assertFalse(Arrays.equals(draw(m, 9), draw(m, 10)));
    }

    @Test
    void failures() {
        LatencyModel m = new LatencyModel(Distribution.FIXED, 1, 0, 0, 0, 0, 0.25);
        SplittableRandom random = new SplittableRandom(5);
        int failed = 0;
        for (int i = 0; i < DRAWS; i++) {
            failed += m.nextFails(random) ? 1 : 0;
        }
        assertEquals(0.25, failed / (double) DRAWS, 0.005);
    }

    @Test
    void wideLognormalIsCutAtTheRecordersLimit() {
        LatencyModel m = model(Distribution.LOGNORMAL, 1000, 0, 50, 0, 0);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            assertTrue(m.nextNanos(random) <= LatencyModel.MAX_NANOS);
        }
    }

    @Test
    void rangesAreValidated() {
        assertMessage("sigma must be a number >= 0", () -> model(Distribution.LOGNORMAL, 1, 0, -0.1, 0, 0));
        assertMessage("second-probability must be between 0 and 1",
                () -> model(Distribution.BIMODAL, 1, 0, 0, 10, 1.5));
        assertMessage("latency-ms must be a number >= 0", () -> model(Distribution.FIXED, Double.NaN, 0, 0, 0, 0));
        assertMessage("jitter-ms (2.0) must not exceed latency-ms (1.0) with distribution uniform",
                () -> model(Distribution.UNIFORM, 1, 2, 0, 0, 0));
        assertMessage("with distribution bimodal", () -> model(Distribution.BIMODAL, 5, 2, 0, 1, 0.1));
        assertMessage("distribution must be one of fixed, uniform, lognormal, bimodal, got 'gaussian'",
                () -> Distribution.parse("gaussian"));
        assertEquals(Distribution.LOGNORMAL, Distribution.parse("LogNormal"));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
