package io.inferbench.result;

import io.inferbench.api.accuracy.AccuracyMetric;
import java.util.Locale;

/** Accuracy figures in words, the same on the console and in the report. */
public final class AccuracyText {
    private AccuracyText() {
    }

    /** E.g. {@code 96.3% [94.1, 97.7] (95% CI, n = 300)}; a metric outside [0, 1] as a plain number. */
    public static String metric(AccuracyMetric m) {
        boolean proportion = m.value() >= 0 && m.value() <= 1;
        double f = proportion ? 100 : 1;
        String value = proportion ? String.format(Locale.ROOT, "%.1f%%", m.value() * f)
                : String.format(Locale.ROOT, "%.4g", m.value());
        String ci = m.interval() == null || Double.isNaN(m.interval().low()) ? ""
                : String.format(Locale.ROOT, " [%.1f, %.1f]", m.interval().low() * f, m.interval().high() * f);
        return value + ci + String.format(Locale.ROOT, " (%s%% CI, n = %d)", number(m.confidence() * 100),
                m.sampleSize());
    }

    /** One line per task: {@code spam (embedding-probe): accuracy 96.3% [..]} or why there is none. */
    public static String task(AccuracyResult r) {
        String head = r.task() + (r.task().equals(r.evaluator()) ? "" : " (" + r.evaluator() + ")") + ": ";
        if (r.main() == null) {
            return head + (r.status() == AccuracyResult.Status.OK ? "no metrics" : r.note());
        }
        StringBuilder b = new StringBuilder(head);
        for (int i = 0; i < r.metrics().size(); i++) {
            AccuracyMetric m = r.metrics().get(i);
            b.append(i == 0 ? "" : "; ").append(m.name()).append(' ').append(metric(m));
        }
        return b.toString();
    }

    /** E.g. {@code drop 0.3 points [-0.7, 1.3] vs c01 (95% CI, paired over 300 items)}. */
    public static String drop(AccuracyDropResult d) {
        return String.format(Locale.ROOT, "drop %.2f points [%.2f, %.2f] vs %s (%s%% CI, paired over %d items)",
                d.dropPoints(), d.interval().low(), d.interval().high(), d.referenceId(),
                number(d.confidence() * 100), d.pairedItems());
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
