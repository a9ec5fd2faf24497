package io.inferbench.gate;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The latest {@code lookback} earlier runs, the only ones the gate looks at: older nights may
 * predate legitimate changes, and a month of nights estimates the noise well enough (see the
 * package documentation). A series' history is its values in these runs, where present; they are
 * gathered in one pass over the runs.
 */
final class HistoryWindow {
    /** One series in the window: the nights (indices into the window's runs) that measured it, and its values. */
    private static final class Series {
        private int[] nights = new int[8];
        private double[] scaled = new double[8];
        private int count;
        private Observation latest;

        void add(int night, double value, Observation observation) {
            if (count == nights.length) {
                nights = Arrays.copyOf(nights, 2 * count);
                scaled = Arrays.copyOf(scaled, 2 * count);
            }
            nights[count] = night;
            scaled[count++] = value;
            latest = observation;
        }
    }

    private final int nights;
    private final Map<SeriesKey, Series> series = new LinkedHashMap<>();

    /** @param history earlier runs, oldest first */
    HistoryWindow(List<RunObservations> history, int lookback) {
        List<RunObservations> runs = history.subList(Math.max(0, history.size() - lookback), history.size());
        nights = runs.size();
        for (int j = 0; j < nights; j++) {
            for (Map.Entry<SeriesKey, Observation> e : runs.get(j).observations().entrySet()) {
                SeriesKey key = e.getKey();
                series.computeIfAbsent(key, k -> new Series())
                        .add(j, key.metric().scale().transform(e.getValue().value()), e.getValue());
            }
        }
    }

    /** How many runs the window holds. */
    int nights() {
        return nights;
    }

    /** Every series seen in the window, in the order first seen. */
    Set<SeriesKey> keys() {
        return series.keySet();
    }

    /** The series' values on its metric's statistics' scale, oldest first (a copy). */
    double[] scaled(SeriesKey key) {
        Series s = series.get(key);
        return s == null ? new double[0] : Arrays.copyOf(s.scaled, s.count);
    }

    /** For each of {@link #scaled}'s values, the window night (0 = oldest) it was measured on (a copy). */
    int[] nightsOf(SeriesKey key) {
        Series s = series.get(key);
        return s == null ? new int[0] : Arrays.copyOf(s.nights, s.count);
    }

    /** How many of the window's runs measured the series. */
    int count(SeriesKey key) {
        Series s = series.get(key);
        return s == null ? 0 : s.count;
    }

    /** The series' observation in the latest run that has it. */
    Optional<Observation> latest(SeriesKey key) {
        Series s = series.get(key);
        return s == null ? Optional.empty() : Optional.of(s.latest);
    }

    /** The mean of the series' values on the statistics' scale; NaN when it has none. */
    double mean(SeriesKey key) {
        return Arrays.stream(scaled(key)).average().orElse(Double.NaN);
    }
}
