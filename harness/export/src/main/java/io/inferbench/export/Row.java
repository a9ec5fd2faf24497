package io.inferbench.export;

import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.GateRecord;

/**
 * One line of what is exported: a configuration's metric with its figure and the gate's verdict on
 * it, or a configuration that measured nothing, or a verdict about something not in this run (a
 * missing configuration, the night's common shift).
 *
 * @param configuration the configuration's label, or {@link GateRecord#ALL_CONFIGURATIONS}
 * @param source        the configuration in this run; null when the row is a verdict only
 * @param metric        the metric's name ({@link Metric#key()} where known); null for a configuration that
 *                      measured nothing
 * @param figure        tonight's figure; null when not measured or not in this run
 * @param verdict       the gate's verdict; null without a gate record or without a verdict on it
 */
public record Row(String configuration, ConfigurationFigures source, String metric, Figure figure,
                  GateRecord.Verdict verdict) {
    /** A configuration that failed or was skipped: one row for it, no metric. */
    public boolean notMeasured() {
        return metric == null;
    }

    /** The configuration's status in this run; null when it is not in this run. */
    public ConfigurationStatus status() {
        return source == null ? null : source.status();
    }

    /** The verdict's outcome; null without one. */
    public GateRecord.Outcome outcome() {
        return verdict == null ? null : verdict.outcome();
    }

    /** The unit of the row's figures: the figure's metric's, else the verdict's. */
    public String unit() {
        if (figure != null) {
            return figure.metric().unit();
        }
        return verdict == null || verdict.unit() == null ? "" : verdict.unit();
    }
}
