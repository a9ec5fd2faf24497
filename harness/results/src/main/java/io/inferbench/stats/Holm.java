package io.inferbench.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down correction over a family of tests: one night's gate verdicts, or one run's
 * comparisons of many configurations with their baselines. With m tests, the smallest p-value is held
 * to α/m (Bonferroni), the next to α/(m − 1), and so on while they pass: the chance that any
 * unchanged series is called changed stays at most α, whatever the dependence between the tests,
 * and a night with several real changes loses less power than under Bonferroni.
 */
public final class Holm {
    private Holm() {
    }

    /**
     * The adjusted p-values, in the order given: a test is rejected at level α when its adjusted
     * p-value is at most α. {@code adjusted(i) = max over j ≤ rank(i) of min(1, (m − j + 1)·p(j))}.
     */
    public static double[] adjust(double[] pValues) {
        int m = pValues.length;
        Integer[] order = new Integer[m];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * pValues[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
