package io.inferbench.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.api.Interval;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PercentileBootstrapTest {
    /** The statistic's values are 0, 1, …, 1999 in some order: the 95% interval leaves out 50 on each side. */
    @Test
    void intervalLeavesOutTheTailsOnEitherSide() {
        int[] next = {0};
        PercentileBootstrap b = PercentileBootstrap.of(random -> (next[0]++ * 7919) % 2000, 2000, 1);
        Interval ci95 = b.interval(0.95);
        assertEquals(50, ci95.low());
        assertEquals(1949, ci95.high());
        Interval ci90 = b.interval(0.90);
        assertEquals(100, ci90.low());
        assertEquals(1899, ci90.high());
        assertTrue(ci95.bounded());
    }

    @Test
    void theSameSeedGivesTheSameInterval() {
        double[] items = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5};
        PercentileBootstrap.Statistic mean = random -> {
            double sum = 0;
            for (int j : PercentileBootstrap.resampleIndices(items.length, random)) {
                sum += items[j];
            }
            return sum / items.length;
        };
        Interval a = PercentileBootstrap.of(mean, 500, 42).interval(0.95);
        Interval b = PercentileBootstrap.of(mean, 500, 42).interval(0.95);
        Interval c = PercentileBootstrap.of(mean, 500, 43).interval(0.95);
        assertEquals(a, b);
        assertTrue(!a.equals(c), "another seed, other resamples: " + a + " " + c);
        assertTrue(a.low() < 4.0 && 4.0 < a.high(), "brackets the mean 4.0: " + a);
    }

    @Test
    void resampleIndicesDrawFromTheItemsWithReplacement() {
        int[] drawn = PercentileBootstrap.resampleIndices(5, new SplittableRandom(3));
        assertEquals(5, drawn.length);
        for (int j : drawn) {
            assertTrue(j >= 0 && j < 5, "index " + j);
        }
        assertArrayEquals(drawn, PercentileBootstrap.resampleIndices(5, new SplittableRandom(3)));
    }

    @Test
    void atLeastOneResample() {
        assertThrows(IllegalArgumentException.class, () -> PercentileBootstrap.of(random -> 0, 0, 1));
    }
}
