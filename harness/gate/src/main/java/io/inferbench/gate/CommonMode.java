package io.inferbench.gate;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Machine drift taken out. On a shared machine much of the night-to-night noise is common to all
 * configurations of a run: the machine is slower tonight, for every configuration alike. For one
 * metric, each configuration's deviation from its own history mean is compared with the night's
 * common shift, and the residual is tested against the same configuration's residuals on earlier
 * nights. The common shift itself (the median deviation over all configurations) is tested
 * against earlier nights' common shifts, so a change that touched every configuration (a harness
 * or library regression) is still found, as a regression of the common shift.
 *
 * <p>A configuration's residual is taken against the median of the <em>other</em> configurations.
 * With its own value in the median, the residual test was measured 1.2–1.5 times too liberal in
 * its tails (a nonlinear estimator's own-value coupling that the t distribution does not model);
 * against the others' median its own noise and the shift are independent and the test keeps its
 * level (checked in {@code CommonModeTest}). The median, not the mean, so that one configuration
 * that really changed (even 3 times slower) barely moves the shift the others are judged by.
 */
final class CommonMode {
    /**
     * @param residuals      per configuration: tonight's residual against its earlier residuals (a
     *                       configuration alone on most of its nights has none)
     * @param shift          tonight's common shift against earlier nights' shifts
     * @param configurations how many configurations the shifts are medians over
     */
    record Estimate(Map<SeriesKey, Evidence> residuals, Evidence shift, int configurations) {
    }

    private CommonMode() {
    }

    /**
     * @param participants series of one metric, each measured tonight and in enough of the window's runs
     */
    static Estimate estimate(List<SeriesKey> participants, HistoryWindow window, RunObservations current) {
        double[][] deviations = deviations(participants, window, current);
        int nights = deviations.length - 1;
        double[] shifts = new double[nights + 1];
        double[][] othersMedians = new double[nights + 1][];
        for (int j = 0; j <= nights; j++) {
            shifts[j] = median(deviations[j]);
            othersMedians[j] = mediansOfOthers(deviations[j]);
        }
        Map<SeriesKey, Evidence> residuals = new LinkedHashMap<>();
        for (int i = 0; i < participants.size(); i++) {
            double[] earlier = new double[nights];
            int n = 0;
            for (int j = 0; j < nights; j++) {
                double residual = deviations[j][i] - othersMedians[j][i];
                if (!Double.isNaN(residual)) { // NaN: not measured that night, or alone in it
                    earlier[n++] = residual;
                }
            }
            if (n >= 2) { // else the configuration keeps its uncorrected test
                double tonight = deviations[nights][i] - othersMedians[nights][i];
                residuals.put(participants.get(i),
                        PredictionTest.of(Arrays.copyOf(earlier, n), tonight, Method.HISTORY_COMMON_MODE));
            }
        }
        double[] earlierShifts = Arrays.stream(shifts, 0, nights).filter(s -> !Double.isNaN(s)).toArray();
        Evidence shift = PredictionTest.of(earlierShifts, shifts[nights], Method.COMMON_SHIFT);
        return new Estimate(residuals, shift, participants.size());
    }

    /**
     * {@code [night][configuration]}: the configuration's value on the statistics' scale less its
     * history mean; the window's nights first, tonight last; NaN where the night did not measure it.
     */
    private static double[][] deviations(List<SeriesKey> participants, HistoryWindow window,
                                         RunObservations current) {
        int nights = window.nights();
        double[][] deviations = new double[nights + 1][participants.size()];
        for (double[] night : deviations) {
            Arrays.fill(night, Double.NaN);
        }
        for (int i = 0; i < participants.size(); i++) {
            SeriesKey key = participants.get(i);
            double[] values = window.scaled(key);
            int[] measuredOn = window.nightsOf(key);
            double mean = Arrays.stream(values).average().orElseThrow();
            for (int v = 0; v < values.length; v++) {
                deviations[measuredOn[v]][i] = values[v] - mean;
            }
            deviations[nights][i] = key.metric().scale().transform(current.get(key).value()) - mean;
        }
        return deviations;
    }

    /** The median of the values that are not NaN; NaN when there are none. */
    static double median(double[] values) {
        double[] sorted = sortedPresent(values);
        return sorted.length == 0 ? Double.NaN : medianOfSorted(sorted, -1);
    }

    /**
     * For each value that is not NaN, the median of the other values that are not NaN (NaN when
     * there are none, and for NaN entries). One sort: removing one element from a sorted array only
     * shifts which middle elements the median reads, and removing any of several equal values
     * leaves the same values, so the value's position found by binary search will do.
     */
    static double[] mediansOfOthers(double[] values) {
        double[] sorted = sortedPresent(values);
        double[] medians = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            medians[i] = Double.isNaN(values[i]) || sorted.length == 1 ? Double.NaN
                    : medianOfSorted(sorted, Arrays.binarySearch(sorted, values[i]));
        }
        return medians;
    }

    private static double[] sortedPresent(double[] values) {
        double[] present = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                present[n++] = v;
            }
        }
        present = Arrays.copyOf(present, n);
        Arrays.sort(present);
        return present;
    }

    /** The median of {@code sorted} without the element at {@code skip} (−1: without none). */
    private static double medianOfSorted(double[] sorted, int skip) {
        int n = skip < 0 ? sorted.length : sorted.length - 1;
        int mid = n / 2;
        double upper = sorted[mid < skip || skip < 0 ? mid : mid + 1];
        if (n % 2 == 1) {
            return upper;
        }
        int low = mid - 1;
        return (sorted[low < skip || skip < 0 ? low : low + 1] + upper) / 2;
    }
}
