package io.inferbench.report;

import io.inferbench.result.GateRecord;
import io.inferbench.result.MachineFingerprint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The regression gate's verdicts on a run, for the gate section of its site page (template
 * variable {@code gate}); null on standalone reports.
 *
 * @param state       {@code passed}, {@code failed} or {@code unreadable}
 * @param summary     one line, e.g. {@code Gate FAILED: 2 regressions (Holm over 120 tests at α 0.005)}
 * @param cssClass    {@code valid} or {@code failed} (or {@code invalid} when unreadable)
 * @param baseline    what the run was judged against, or null
 * @param decidedAt   when the gate ran, or null
 * @param rows        one per verdict, regressions first
 * @param environment the environment changes, one line each
 * @param notes       the gate's notes
 */
record GateView(String state, String summary, String cssClass, String baseline, String decidedAt, List<Row> rows,
                List<String> environment, List<String> notes) {
    /**
     * One verdict.
     *
     * @param configuration configuration label (or the common shift's)
     * @param metric        metric name
     * @param baseline      expected value with its unit
     * @param current       tonight's value with its unit
     * @param change        e.g. {@code +12.3%}
     * @param changeCi      its 95% interval, e.g. {@code +8.1% to +16.6%}; null when unknown
     * @param threshold     e.g. {@code 5%} or {@code 1.00 pt}
     * @param p             the p-value, with the Holm-adjusted one
     * @param method        how significance was judged
     * @param runs          earlier runs used
     * @param verdict       the outcome's label, with the confirmation's finding
     * @param verdictClass  CSS class: {@code slower}, {@code faster}, {@code inconclusive}, …
     */
    record Row(String configuration, String metric, String baseline, String current, String change, String changeCi,
               String threshold, String p, String method, int runs, String verdict, String verdictClass) {
    }

    /** The view of a gate state; null when the run was not gated. */
    static GateView of(SiteGate gate) {
        if (gate instanceof SiteGate.Unreadable u) {
            return new GateView("unreadable", "Gate record unreadable: " + u.reason(), "invalid", null, null,
                    List.of(), List.of(), List.of());
        }
        if (!(gate instanceof SiteGate.Gated g)) {
            return null;
        }
        GateRecord r = g.record();
        List<GateRecord.Verdict> all = new ArrayList<>(r.verdicts());
        all.addAll(r.commonShifts());
        all.sort(Comparator.comparingInt((GateRecord.Verdict v) -> v.outcome() == GateRecord.Outcome.REGRESSION ? 0 : 1));
        List<Row> rows = all.stream().map(GateView::row).toList();
        int failures = r.failures().size();
        boolean passed = r.passed() && failures == 0;
        String summary = (passed ? "Gate passed" : "Gate FAILED: " + failures + (failures == 1 ? " regression"
                : " regressions")) + String.format(Locale.ROOT, " (%d verdicts; Holm over %d tests at α %s)",
                rows.size(), r.tests(), NiceScale.label(r.alpha()));
        List<String> environment = new ArrayList<>();
        for (GateRecord.EnvironmentChange e : r.environmentChanges()) {
            environment.add("since run " + Formats.text(e.sinceRunId()) + " (machine " + Formats.text(e.before())
                    + " → " + Formats.text(e.after()) + "): " + (e.differences().isEmpty() ? "no field recorded"
                    : String.join("; ", e.differences().stream().map(MachineFingerprint.Difference::describe)
                    .toList())));
        }
        return new GateView(passed ? "passed" : "failed", summary, passed ? "valid" : "failed",
                r.baseline(), r.decidedAt() == null ? null : Formats.instant(r.decidedAt()), rows, environment,
                r.notes());
    }

    private static Row row(GateRecord.Verdict v) {
        String ci = null;
        if (v.changeLow() != null && v.changeHigh() != null) {
            ci = change(v, v.changeLow()) + " to " + change(v, v.changeHigh());
        }
        String p = v.pValue() == null ? Formats.MISSING : pValue(v.pValue())
                + (v.adjustedPValue() == null ? "" : " (Holm " + pValue(v.adjustedPValue()) + ")");
        String verdict = v.outcome().label();
        if (v.confirmation() != null) {
            verdict += v.confirmation().confirmed() ? " (confirmed in " + v.confirmation().reruns() + " reruns)"
                    : " (" + v.confirmation().reruns() + " reruns)";
        }
        if (v.opensNewSegment()) {
            verdict += ", new level";
        }
        return new Row(v.configuration(), v.metric(), value(v.baseline(), v.unit()), value(v.current(), v.unit()),
                v.change() == null ? Formats.MISSING : v.changeText(), ci, v.relative()
                ? NiceScale.label(v.threshold() * 100) + "%" : String.format(Locale.ROOT, "%.2f pt", v.threshold()),
                p, Formats.text(v.method()), v.historyRuns(), verdict, verdictClass(v.outcome()));
    }

    /** The gate works at α 0.005 and below, so small p-values keep their digits: {@code 1.2e-05}. */
    private static String pValue(double p) {
        return p > 0 && p < 0.001 ? String.format(Locale.ROOT, "%.1e", p) : AnalysisView.pValue(p);
    }

    private static String change(GateRecord.Verdict v, double x) {
        return v.relative() ? String.format(Locale.ROOT, "%+.1f%%", (x - 1) * 100)
                : String.format(Locale.ROOT, "%+.2f pt", x);
    }

    private static String value(Double x, String unit) {
        if (x == null || !Double.isFinite(x)) {
            return Formats.MISSING;
        }
        String u = unit == null ? "" : unit;
        return switch (u) {
            case "ms" -> Formats.ms(x) + " ms";
            case "bytes" -> Formats.bytes(Math.round(x));
            case "proportion" -> String.format(Locale.ROOT, "%.2f%%", x * 100);
            case "inferences/s" -> Formats.rate(x) + " /s";
            default -> Formats.decimal(x, 4) + (u.isEmpty() ? "" : " " + u);
        };
    }

    private static String verdictClass(GateRecord.Outcome o) {
        return switch (o) {
            case REGRESSION -> "slower";
            case IMPROVEMENT -> "faster";
            case UNCHANGED -> "equivalent";
            case NOT_CONFIRMED, INCONCLUSIVE -> "inconclusive";
            case NEW, MISSING -> "unknown";
        };
    }
}
