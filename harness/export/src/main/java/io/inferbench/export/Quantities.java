package io.inferbench.export;

import io.inferbench.api.Interval;
import io.inferbench.result.GateRecord;
import java.math.BigDecimal;
import java.util.Locale;

/** How figures read: for people (units, a few digits) and for machines (every digit, no exponent). */
final class Quantities {
    private static final double MIB = 1024.0 * 1024.0;

    private Quantities() {
    }

    /** Every digit of {@code d} without an exponent: {@code 12.5}, {@code 536870912}; {@code NaN}, {@code +Inf}. */
    static String plain(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return "0";
        }
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    /** {@code 12.35 ms}, {@code 512.0 MiB}, {@code 95.3%}, {@code 812.4/s}, {@code 0.0123 J}. */
    static String human(double value, String unit) {
        if (!Double.isFinite(value)) {
            return plain(value);
        }
        return switch (unit) {
            case "ms" -> number(value) + " ms";
            case "bytes" -> String.format(Locale.ROOT, "%.1f MiB", value / MIB);
            case "proportion" -> String.format(Locale.ROOT, "%.1f%%", value * 100);
            case "inferences/s" -> number(value) + "/s";
            case "J" -> String.format(Locale.ROOT, "%.3g J", value);
            default -> String.format(Locale.ROOT, "%.4g %s", value, unit).trim();
        };
    }

    /** {@code [11.90, 12.80]} in the unit's human form, with {@code ≥} noted when the interval is unbounded. */
    static String interval(Interval ci, String unit) {
        if (ci == null) {
            return "";
        }
        String text = "[" + bare(ci.low(), unit) + ", " + bare(ci.high(), unit) + "]";
        return ci.bounded() ? text : text + " (unbounded: too few samples)";
    }

    /** A value in the unit's human scale, without the unit: {@code 12.35}, {@code 95.3}. */
    static String bare(double value, String unit) {
        return switch (unit) {
            case "bytes" -> String.format(Locale.ROOT, "%.1f", value / MIB);
            case "proportion" -> String.format(Locale.ROOT, "%.1f", value * 100);
            case "J" -> String.format(Locale.ROOT, "%.3g", value);
            default -> number(value);
        };
    }

    /** Three or four significant digits, never an exponent: {@code 0.123}, {@code 12.35}, {@code 812.4}, {@code 12345}. */
    static String number(double value) {
        double a = Math.abs(value);
        String pattern = a >= 1000 ? "%.0f" : a >= 100 ? "%.1f" : a >= 10 ? "%.2f" : a >= 1 ? "%.3f" : "%.4f";
        return String.format(Locale.ROOT, pattern, value);
    }

    /** {@code +15.0% [+12.0%, +18.0%]}, or in points for accuracy; empty without a change. */
    static String change(GateRecord.Verdict v) {
        if (v.change() == null) {
            return "";
        }
        String ci = changeInterval(v);
        return ci.isEmpty() ? v.changeText() : v.changeText() + " [" + ci + "]";
    }

    /** {@code +12.0%, +18.0%}: the change's 95% interval's ends; empty when unknown. */
    static String changeInterval(GateRecord.Verdict v) {
        if (v.changeLow() == null || v.changeHigh() == null) {
            return "";
        }
        return changeOf(v.changeLow(), v.relative()) + ", " + changeOf(v.changeHigh(), v.relative());
    }

    private static String changeOf(double change, boolean relative) {
        return relative ? String.format(Locale.ROOT, "%+.1f%%", (change - 1) * 100)
                : String.format(Locale.ROOT, "%+.2f pt", change);
    }

    /** {@code 5%} for a fraction, {@code 1 pt} for points. */
    static String threshold(GateRecord.Verdict v) {
        return v.relative() ? String.format(Locale.ROOT, "%s%%", trim(v.threshold() * 100))
                : String.format(Locale.ROOT, "%s pt", trim(v.threshold()));
    }

    /** {@code 0.0012}, {@code 3.4e-07}: two significant digits. */
    static String pValue(Double p) {
        return p == null ? "" : String.format(Locale.ROOT, "%.2g", p);
    }

    private static String trim(double d) {
        return new BigDecimal(String.format(Locale.ROOT, "%.4f", d)).stripTrailingZeros().toPlainString();
    }
}
