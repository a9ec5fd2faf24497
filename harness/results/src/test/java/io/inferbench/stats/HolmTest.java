package io.inferbench.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Holm's step-down adjustment: known values, and the family-wise level it promises. */
class HolmTest {
    @Test
    void adjustsStepDownAndKeepsTheOrderGiven() {
        // Sorted: 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 → monotone 0.06.
        double[] adjusted = Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005});
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, adjusted, 1e-12);
    }

    @Test
    void oneTestIsItsOwnAndLargeProductsStopAtOne() {
        assertArrayEquals(new double[] {0.2}, Holm.adjust(new double[] {0.2}), 0);
        assertArrayEquals(new double[] {1, 1}, Holm.adjust(new double[] {0.7, 0.9}), 0);
        assertEquals(0, Holm.adjust(new double[0]).length);
    }

    @Test
    void aFamilyOfTrueNullsIsRejectedAtMostAlphaOfTheTime() {
        Random random = new Random(3);
        int families = 20_000;
        int rejected = 0;
        for (int f = 0; f < families; f++) {
            double[] p = new double[60];
            for (int i = 0; i < p.length; i++) {
                p[i] = random.nextDouble();
            }
            double min = 1;
            for (double a : Holm.adjust(p)) {
                min = Math.min(min, a);
            }
            rejected += min <= 0.05 ? 1 : 0;
        }
        double rate = (double) rejected / families;
        assertTrue(rate <= 0.05 + 0.005, "family-wise rate " + rate);
        assertTrue(rate >= 0.04, "Holm is nearly exact for independent tests, got " + rate);
    }
}
