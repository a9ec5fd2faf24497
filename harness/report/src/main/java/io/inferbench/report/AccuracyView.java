package io.inferbench.report;

import io.inferbench.result.AccuracyDropResult;
import io.inferbench.api.accuracy.AccuracyMetric;
import io.inferbench.result.AccuracyResult;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The accuracy table of the report (template variable {@code accuracy}, fragment
 * {@code accuracy.html}): one row per configuration and task, already formatted.
 *
 * @param rows      in matrix order, then task order; empty when the run had no accuracy tasks. A task
 *                  skipped on a configuration (its model does not fit the task, e.g. the OCR task on
 *                  a text encoder) has no row: in a multi-model run those would be half the table
 * @param skipped   one line per task and reason that skipped configurations, naming how many
 * @param reference the reference configuration's label, or null when there is no drop to show
 */
public record AccuracyView(List<Row> rows, List<String> skipped, String reference) {
    /**
     * @param configuration the configuration's label
     * @param configurationId its id, for links
     * @param task     the task's name
     * @param evaluator the evaluator
     * @param metric   the main metric's name, or empty
     * @param value    e.g. {@code 96.3%}, or {@code —}
     * @param interval e.g. {@code 94.1–97.7}, or empty
     * @param items    the sample size, or empty
     * @param drop     e.g. {@code 0.30 pt [−0.70, 1.30]} against the reference, or empty
     * @param note     other metrics, notes, or why the task was skipped or failed
     * @param status   OK, SKIPPED or FAILED
     */
    public record Row(String configuration, String configurationId, String task, String evaluator, String metric,
                      String value, String interval, String items, String drop, String note, String status) {
    }

    static AccuracyView of(RunResult run) {
        List<Row> rows = new ArrayList<>();
        java.util.Map<String, List<String>> skipped = new java.util.LinkedHashMap<>();
        String reference = null;
        for (ConfigurationResult c : run.configurations()) {
            for (AccuracyResult a : c.accuracy()) {
                AccuracyMetric m = a.main();
                String drop = "";
                for (AccuracyDropResult d : run.summary().accuracyDrops()) {
                    if (d.referenceId().equals(c.id()) && d.task().equals(a.task())) {
                        drop = "reference";
                    }
                    if (d.candidateId().equals(c.id()) && d.task().equals(a.task())) {
                        drop = String.format(Locale.ROOT, "%.2f pt [%.2f, %.2f]", d.dropPoints(), d.interval().low(),
                                d.interval().high());
                        reference = run.configurations().stream().filter(x -> x.id().equals(d.referenceId()))
                                .map(ConfigurationResult::label).findFirst().orElse(d.referenceId());
                    }
                }
                if (m == null && a.status() == AccuracyResult.Status.SKIPPED) {
                    skipped.computeIfAbsent(a.task() + " (" + a.evaluator() + ") skipped on %s: "
                            + (a.note() == null ? "no reason given" : a.note()), k -> new ArrayList<>()).add(c.label());
                    continue;
                }
                if (m == null) {
                    rows.add(new Row(c.label(), c.id(), a.task(), a.evaluator(), "", Formats.MISSING, "", "", drop,
                            a.note() == null ? "" : a.note(), a.status().name()));
                    continue;
                }
                boolean proportion = m.value() >= 0 && m.value() <= 1;
                double f = proportion ? 100 : 1;
                String value = proportion ? String.format(Locale.ROOT, "%.1f%%", m.value() * f)
                        : String.format(Locale.ROOT, "%.4g", m.value());
                String interval = m.interval() == null || Double.isNaN(m.interval().low()) ? ""
                        : String.format(Locale.ROOT, "%.1f–%.1f", m.interval().low() * f, m.interval().high() * f);
                StringBuilder note = new StringBuilder();
                for (AccuracyMetric other : a.metrics().subList(1, a.metrics().size())) {
                    note.append(other.name()).append(' ').append(io.inferbench.result.AccuracyText.metric(other))
                            .append(". ");
                }
                note.append(m.notes());
                rows.add(new Row(c.label(), c.id(), a.task(), a.evaluator(), m.name(), value, interval,
                        Integer.toString(m.sampleSize()), drop, note.toString().strip(), a.status().name()));
            }
        }
        List<String> skippedLines = new ArrayList<>();
        skipped.forEach((line, configs) -> skippedLines.add(String.format(Locale.ROOT, line,
                configs.size() == 1 ? configs.get(0) : configs.size() + " configurations (" + String.join(", ", configs) + ")")));
        return new AccuracyView(rows, skippedLines, reference);
    }
}
