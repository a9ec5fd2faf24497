package io.inferbench.input;

import io.inferbench.scenario.SampleOrder;
import java.util.SplittableRandom;

/**
 * The sample each query takes, for {@code inputs.order: shuffle}: a long seeded sequence of
 * uniform draws with replacement (as MLPerf LoadGen picks performance samples), which the load
 * generator then walks in turn. Long enough that its period never shows in a run's percentiles.
 */
public final class SampleDraws {
    /** Draws before the sequence repeats. */
    static final int LENGTH = 1 << 16;

    private SampleDraws() {
    }

    /** The sample indices queries take in turn; null for {@code cycle} (every sample in turn). */
    public static int[] of(SampleOrder order, int samples, long seed) {
        if (order == SampleOrder.CYCLE) {
            return null;
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int[] draws = new int[LENGTH];
        for (int i = 0; i < draws.length; i++) {
            draws[i] = random.nextInt(samples);
        }
        return draws;
    }
}
