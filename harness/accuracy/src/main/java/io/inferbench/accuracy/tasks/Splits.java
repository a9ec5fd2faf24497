package io.inferbench.accuracy.tasks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Seeded choices of items, identical on every configuration (and every JVM) for the same seed. */
final class Splits {
    private Splits() {
    }

    /** {@code count} of {@code 0..n-1} in a seeded random order ({@code count} capped at n). */
    static List<Integer> choose(int n, Integer count, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        return List.copyOf(order.subList(0, count == null ? n : Math.min(count, n)));
    }
}
