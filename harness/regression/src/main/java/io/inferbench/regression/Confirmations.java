package io.inferbench.regression;

import io.inferbench.gate.MetricKind;
import io.inferbench.gate.SeriesKey;
import io.inferbench.result.GateRecord;
import java.util.List;
import java.util.Map;

/**
 * What the confirmation reruns found, by series (a common shift under
 * {@link #commonShiftKey its metric's key}), and notes on what could not be confirmed.
 */
record Confirmations(Map<SeriesKey, GateRecord.Confirmation> bySeries, List<String> notes) {
    static final Confirmations NONE = new Confirmations(Map.of(), List.of());

    Confirmations {
        bySeries = Map.copyOf(bySeries);
        notes = List.copyOf(notes);
    }

    /** The finding for {@code key}, or null when it was not put to reruns. */
    GateRecord.Confirmation of(SeriesKey key) {
        return bySeries.get(key);
    }

    /** The key a metric's common shift is filed under. */
    static SeriesKey commonShiftKey(MetricKind metric) {
        return new SeriesKey(GateRecord.ALL_CONFIGURATIONS, metric);
    }
}
