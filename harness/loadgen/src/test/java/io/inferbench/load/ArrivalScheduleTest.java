package io.inferbench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {
    private static LoadProfile.Rate rate(double qps, double rampTo, LoadProfile.Arrival arrival, long seed) {
        return new LoadProfile.Rate(qps, rampTo, arrival, seed, 1, 1000, Duration.ofMillis(1));
    }

    private static double[] gapsMs(ArrivalSchedule s, int n) {
        double[] gaps = new double[n];
        long prev = s.next();
        for (int i = 0; i < n; i++) {
            long t = s.next();
            gaps[i] = (t - prev) / 1e6;
            prev = t;
        }
        return gaps;
    }

    @Test
    void poissonGapsPassKolmogorovSmirnovAgainstTheExponential() {
        double[] gaps = gapsMs(new ArrivalSchedule(rate(200, Double.NaN, LoadProfile.Arrival.POISSON, 7), 1), 20_000);
        // Mean gap at 200 q/s is 5 ms.
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new ExponentialDistribution(null, 5.0), gaps);
        assertTrue(p > 0.01, "KS p-value " + p + ": gaps are not exponential");
        double mean = java.util.Arrays.stream(gaps).average().orElseThrow();
        assertEquals(5.0, mean, 0.15);
    }

    @Test
    void theTestCanTellAWrongRateOrSpacing() {
        // The same KS check must reject constant spacing and a Poisson stream at another rate.
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        double[] constant = gapsMs(new ArrivalSchedule(rate(200, Double.NaN, LoadProfile.Arrival.CONSTANT, 7), 1), 5000);
        assertTrue(ks.kolmogorovSmirnovTest(new ExponentialDistribution(null, 5.0), constant) < 1e-6);
        double[] faster = gapsMs(new ArrivalSchedule(rate(220, Double.NaN, LoadProfile.Arrival.POISSON, 7), 1), 20_000);
        assertTrue(ks.kolmogorovSmirnovTest(new ExponentialDistribution(null, 5.0), faster) < 0.01);
    }

    @Test
    void sameSeedSameScheduleOtherSeedOtherSchedule() {
        ArrivalSchedule a = new ArrivalSchedule(rate(100, Double.NaN, LoadProfile.Arrival.POISSON, 3), 1);
        ArrivalSchedule b = new ArrivalSchedule(rate(100, Double.NaN, LoadProfile.Arrival.POISSON, 3), 1);
        ArrivalSchedule c = new ArrivalSchedule(rate(100, Double.NaN, LoadProfile.Arrival.POISSON, 4), 1);
        long[] x = new long[100];
        long[] y = new long[100];
        long[] z = new long[100];
        for (int i = 0; i < 100; i++) {
            x[i] = a.next();
            y[i] = b.next();
            z[i] = c.next();
        }
        assertTrue(java.util.Arrays.equals(x, y));
        assertNotEquals(java.util.Arrays.toString(x), java.util.Arrays.toString(z));
    }

    @Test
    void constantSpacingIsExact() {
        ArrivalSchedule s = new ArrivalSchedule(rate(1000, Double.NaN, LoadProfile.Arrival.CONSTANT, 0), 1);
        assertEquals(0, s.next());
        assertEquals(1_000_000, s.next());
        assertEquals(2_000_000, s.next());
    }

    @Test
    void aRampGoesLinearlyFromStartToEndRateAfterItStarts() {
        long tenSeconds = 10_000_000_000L;
        ArrivalSchedule s = new ArrivalSchedule(rate(100, 300, LoadProfile.Arrival.CONSTANT, 0), tenSeconds);
        assertEquals(100, s.rateAt(5_000_000_000L), 1e-9, "before the ramp starts, the start rate");
        s.startRamp(1_000_000_000L);
        assertEquals(100, s.rateAt(1_000_000_000L), 1e-9);
        assertEquals(200, s.rateAt(6_000_000_000L), 1e-9);
        assertEquals(300, s.rateAt(11_000_000_000L), 1e-9);
        assertEquals(300, s.rateAt(50_000_000_000L), 1e-9, "held at the end rate");
    }
}
