package io.inferbench.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.scenario.SampleOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** inputs.order: cycle keeps the load generator's turn; shuffle draws seeded, uniform, with replacement. */
class SampleDrawsTest {
    @Test
    void cycleLeavesTheOrderAlone() {
        assertNull(SampleDraws.of(SampleOrder.CYCLE, 64, 42));
    }

    @Test
    void shuffleIsSeededAndCoversEverySampleEvenly() {
        int[] a = SampleDraws.of(SampleOrder.SHUFFLE, 64, 42);
        assertArrayEquals(a, SampleDraws.of(SampleOrder.SHUFFLE, 64, 42));
        assertFalse(Arrays.equals(a, SampleDraws.of(SampleOrder.SHUFFLE, 64, 43)));
        int[] counts = new int[64];
        Arrays.stream(a).forEach(i -> counts[i]++);
        int expected = SampleDraws.LENGTH / 64;
        assertTrue(Arrays.stream(counts).allMatch(c -> Math.abs(c - expected) < expected / 4),
                () -> Arrays.toString(counts));
        int inTurn = 0;
        for (int i = 1; i < a.length; i++) {
            inTurn += a[i] == (a[i - 1] + 1) % 64 ? 1 : 0;
        }
        assertTrue(inTurn < a.length / 32, "not the cycle: " + inTurn + " steps in turn");
        assertEquals(0, SampleDraws.of(SampleOrder.SHUFFLE, 1, 42)[5]);
    }
}
