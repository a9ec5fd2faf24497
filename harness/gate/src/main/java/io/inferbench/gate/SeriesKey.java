package io.inferbench.gate;

import java.util.Objects;

/**
 * One series the gate follows across nights: a configuration's metric. The scenario and the
 * machine are already fixed by which runs make up the history.
 *
 * @param configuration the configuration's label, e.g. {@code onnxruntime/batch=8}
 * @param metric        the metric
 */
public record SeriesKey(String configuration, MetricKind metric) {
    public SeriesKey {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(metric, "metric");
        if (configuration.isBlank()) {
            throw new IllegalArgumentException("configuration must not be blank");
        }
    }

    @Override
    public String toString() {
        return configuration + " " + metric.label();
    }
}
