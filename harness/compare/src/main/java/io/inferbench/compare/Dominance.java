package io.inferbench.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Pareto dominance between two configurations' {@link Objectives}: one dominates another when it
 * is at least as good in every objective both measured and strictly better in at least one.
 * An objective either side did not measure (NaN) is skipped, for both directions alike, so
 * "A dominates B" and "B dominates A" are never both true.
 */
public final class Dominance {
    /** One objective: how to read it, whether higher is better, and how the worse side is described. */
    private enum Objective {
        LATENCY(Objectives::latencyMs, false, "slower", "faster"),
        THROUGHPUT(Objectives::throughput, true, "lower throughput", "higher throughput"),
        MEMORY(Objectives::memoryBytes, false, "more memory", "less memory"),
        ENERGY(Objectives::energyJoulesPerInference, false, "more energy per inference", "less energy per inference"),
        ACCURACY(Objectives::accuracy, true, "less accurate", "more accurate");

        final ToDoubleFunction<Objectives> value;
        final boolean higherIsBetter;
        final String worse;
        final String better;

        Objective(ToDoubleFunction<Objectives> value, boolean higherIsBetter, String worse, String better) {
            this.value = value;
            this.higherIsBetter = higherIsBetter;
            this.worse = worse;
            this.better = better;
        }

        /** Positive when a is better than b, negative when worse, 0 when equal or not comparable. */
        int compare(Objectives a, Objectives b) {
            double x = value.applyAsDouble(a);
            double y = value.applyAsDouble(b);
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return 0;
            }
            int c = Double.compare(x, y);
            return higherIsBetter ? c : -c;
        }
    }

    private Dominance() {
    }

    /** True when {@code a} dominates {@code b}. */
    public static boolean dominates(Objectives a, Objectives b) {
        boolean better = false;
        for (Objective o : Objective.values()) {
            int c = o.compare(a, b);
            if (c < 0) {
                return false;
            }
            better |= c > 0;
        }
        return better;
    }

    /**
     * How {@code loser} is worse than {@code winner}, in words from the loser's side, e.g.
     * {@code slower and less accurate}; empty when it is worse in nothing.
     */
    public static String worseIn(Objectives loser, Objectives winner) {
        List<String> words = new ArrayList<>();
        for (Objective o : Objective.values()) {
            if (o.compare(loser, winner) < 0) {
                words.add(o.worse);
            }
        }
        return join(words);
    }

    /**
     * How {@code a} is better than {@code b}, in words from a's side, e.g. {@code more accurate};
     * empty when it is better in nothing.
     */
    public static String betterIn(Objectives a, Objectives b) {
        List<String> words = new ArrayList<>();
        for (Objective o : Objective.values()) {
            if (o.compare(a, b) > 0) {
                words.add(o.better);
            }
        }
        return join(words);
    }

    /** "a", "a and b", "a, b and c". */
    private static String join(List<String> words) {
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }
}
