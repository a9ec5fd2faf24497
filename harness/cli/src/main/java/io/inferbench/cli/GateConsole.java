package io.inferbench.cli;

import io.inferbench.result.GateRecord;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The gate's answer on the console: a table on stdout, one line per regression on stderr. */
final class GateConsole {
    private static final String ROW = "  %-28s %-21s %12s %12s  %-27s %9s  %s%n";

    private GateConsole() {
    }

    static void print(GateRecord r, PrintWriter out, PrintWriter err) {
        out.printf(Locale.ROOT, "gate: %s (scenario %s, machine %s) against %s%n", r.runId(), r.scenario(),
                r.fingerprint(), r.baseline());
        out.printf(Locale.ROOT, "  %d test(s) held to a family-wise alpha of %s (Holm)%n", r.tests(), num(r.alpha()));
        for (GateRecord.EnvironmentChange change : r.environmentChanges()) {
            out.printf(Locale.ROOT, "environment change since %s: %s (a new series starts here; it is not judged "
                    + "against the other machine's runs)%n", change.sinceRunId(), String.join("; ",
                    change.differences().stream().map(d -> d.describe()).toList()));
        }
        out.printf(Locale.ROOT, ROW, "configuration", "metric", "baseline", "current", "change [95% CI]", "p (Holm)",
                "verdict");
        for (GateRecord.Verdict v : r.verdicts()) {
            row(out, v);
        }
        for (GateRecord.Verdict v : r.commonShifts()) {
            row(out, v);
        }
        for (GateRecord.Verdict v : r.verdicts()) {
            if (v.confirmation() != null) {
                GateRecord.Confirmation c = v.confirmation();
                out.printf(Locale.ROOT, "confirmation of %s %s: %s after %d rerun(s) against %s: %s%s%n",
                        v.configuration(), v.metric(), c.confirmed() ? "reproduced" : "did not reproduce", c.reruns(),
                        c.against(), c.change() == null ? "-" : v.relative()
                                ? String.format(Locale.ROOT, "%+.1f%%", (c.change() - 1) * 100)
                                : String.format(Locale.ROOT, "%+.2f pt", c.change()),
                        c.pValue() == null ? "" : ", p " + num(c.pValue()));
            }
        }
        r.notes().forEach(n -> out.println("note: " + n));
        List<GateRecord.Verdict> failures = r.failures();
        long notConfirmed = r.verdicts().stream().filter(v -> v.outcome() == GateRecord.Outcome.NOT_CONFIRMED).count();
        if (failures.isEmpty()) {
            out.println("PASSED: no regression" + (notConfirmed > 0 ? " (" + notConfirmed
                    + " suspected, not confirmed by the reruns)" : ""));
        } else {
            out.println("FAILED: " + failures.size() + " regression" + (failures.size() == 1 ? "" : "s"));
            failures.forEach(v -> err.println(failureLine(v)));
        }
        out.flush();
        err.flush();
    }

    /** One line with the figures: what CI logs show. */
    static String failureLine(GateRecord.Verdict v) {
        StringBuilder s = new StringBuilder("regression: ").append(v.configuration()).append(' ').append(v.metric())
                .append(": ");
        if (v.baseline() != null && v.current() != null) {
            s.append(value(v.baseline(), v.unit())).append(" \u2192 ").append(value(v.current(), v.unit())).append(", ");
        }
        s.append(change(v)).append(" (threshold ").append(threshold(v));
        if (v.adjustedPValue() != null) {
            s.append(", p ").append(num(v.adjustedPValue())).append(" Holm-adjusted");
        }
        s.append(", ").append(v.historyRuns()).append(" earlier run").append(v.historyRuns() == 1 ? "" : "s");
        if (v.minimumDetectable() != null) {
            s.append(", smallest detectable ").append(v.relative()
                    ? String.format(Locale.ROOT, "%.1f%%", 100 * v.minimumDetectable())
                    : String.format(Locale.ROOT, "%.2f pt", v.minimumDetectable()));
        }
        if (v.confirmation() != null) {
            s.append("; confirmed by ").append(v.confirmation().reruns()).append(" reruns against ")
                    .append(v.confirmation().against());
        }
        return s.append(')').toString();
    }

    private static void row(PrintWriter out, GateRecord.Verdict v) {
        String verdict = v.outcome().label() + (v.opensNewSegment() ? ", new level" : "");
        out.printf(Locale.ROOT, ROW, clip(v.configuration(), 28), v.metric(),
                v.baseline() == null ? "-" : value(v.baseline(), v.unit()),
                v.current() == null ? "-" : value(v.current(), v.unit()), change(v),
                v.adjustedPValue() == null ? "-" : num(v.adjustedPValue()), verdict);
    }

    static String change(GateRecord.Verdict v) {
        if (v.change() == null) {
            return "-";
        }
        String c = v.changeText();
        if (v.changeLow() != null && v.changeHigh() != null) {
            c += " [" + signed(v, v.changeLow()) + ", " + signed(v, v.changeHigh()) + "]";
        }
        return c;
    }

    private static String signed(GateRecord.Verdict v, double x) {
        return v.relative() ? String.format(Locale.ROOT, "%+.1f%%", (x - 1) * 100)
                : String.format(Locale.ROOT, "%+.2f", x);
    }

    static String threshold(GateRecord.Verdict v) {
        return v.relative() ? trimmed(100 * v.threshold()) + "%" : trimmed(v.threshold()) + " pt";
    }

    /** 5 rather than 5.00, 2.5 rather than 2.50. */
    private static String trimmed(double x) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", x)).stripTrailingZeros().toPlainString();
    }

    static String value(double x, String unit) {
        return switch (unit) {
            case "ms" -> String.format(Locale.ROOT, "%.4g ms", x);
            case "inferences/s" -> String.format(Locale.ROOT, "%.4g/s", x);
            case "bytes" -> String.format(Locale.ROOT, "%.1f MiB", x / (1 << 20));
            case "J" -> String.format(Locale.ROOT, "%.3g J", x);
            case "proportion" -> String.format(Locale.ROOT, "%.2f%%", 100 * x);
            default -> String.format(Locale.ROOT, "%.4g %s", x, unit);
        };
    }

    private static String num(double p) {
        return p == 0 ? "0" : p < 1e-3 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.3f", p);
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "\u2026";
    }
}
