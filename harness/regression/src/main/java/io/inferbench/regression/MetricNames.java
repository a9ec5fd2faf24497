package io.inferbench.regression;

import io.inferbench.gate.MetricKind;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The gated metrics' names in flags, the scenario's {@code gate:} block and the gate record:
 * {@code p50}, {@code p99}, {@code throughput}, {@code accuracy}, {@code peak-rss},
 * {@code energy-per-inference}.
 */
public final class MetricNames {
    private MetricNames() {
    }

    public static String name(MetricKind metric) {
        return metric.label().replace(' ', '-').toLowerCase(Locale.ROOT);
    }

    /** The metric called {@code name}; an unknown name gets a message listing the known ones. */
    public static MetricKind parse(String name) {
        for (MetricKind kind : MetricKind.values()) {
            if (name(kind).equals(name.trim().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + name + "'; expected one of " + known());
    }

    public static String known() {
        return Arrays.stream(MetricKind.values()).map(MetricNames::name).collect(Collectors.joining(", "));
    }

    /**
     * A threshold as written, as the scenario's {@code gate:} block writes it: a percentage for the
     * relative metrics ({@code 5%} or {@code 5}, returned as the fraction 0.05), percentage points for
     * accuracy ({@code 1} or {@code 1pt}; {@code 1%} is refused as ambiguous).
     */
    public static double parseThreshold(MetricKind metric, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        boolean percent = t.endsWith("%");
        boolean points = t.endsWith("pt");
        String number = percent ? t.substring(0, t.length() - 1) : points ? t.substring(0, t.length() - 2) : t;
        double value;
        try {
            value = Double.parseDouble(number.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("threshold of " + name(metric) + ": '" + text + "' is not a number"
                    + hint(metric));
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("threshold of " + name(metric) + " must be finite and >= 0, got '"
                    + text + "'");
        }
        if (metric == MetricKind.ACCURACY) {
            if (percent) {
                throw new IllegalArgumentException("threshold of accuracy: '" + text + "' is ambiguous" + hint(metric));
            }
            return value;
        }
        if (points) {
            throw new IllegalArgumentException("threshold of " + name(metric) + ": points are for accuracy" + hint(metric));
        }
        return value / 100;
    }

    private static String hint(MetricKind metric) {
        return metric == MetricKind.ACCURACY ? " (accuracy's is in percentage points, e.g. 1 or 1pt)"
                : " (a percentage, e.g. 5% or 5)";
    }
}
