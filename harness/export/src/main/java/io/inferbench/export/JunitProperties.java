package io.inferbench.export;

import io.inferbench.result.GateRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a JUnit testcase says of its row: its figures as properties, and the messages of its verdict. */
final class JunitProperties {
    private JunitProperties() {
    }

    /** The row's figures and verdict, machine-readable (plain numbers in the result's units). */
    static Map<String, String> of(Row row) {
        Map<String, String> p = new LinkedHashMap<>();
        if (row.source() != null) {
            p.put("configuration.id", row.source().id());
            p.put("status", row.source().status().name().toLowerCase(java.util.Locale.ROOT));
            if (row.source().source().verdict() != null && !row.source().source().verdict().valid()) {
                p.put("validity", "INVALID: " + String.join("; ", row.source().source().verdict().reasons()));
            }
        }
        Figure f = row.figure();
        if (f != null) {
            p.put("value", Quantities.plain(f.value()));
            p.put("unit", f.metric().unit());
            if (f.ci95() != null) {
                p.put("ci95.low", Quantities.plain(f.ci95().low()));
                p.put("ci95.high", Quantities.plain(f.ci95().high()));
                p.put("ci95.bounded", Boolean.toString(f.ci95().bounded()));
            }
            if (f.sampleSize() > 0) {
                p.put("n", Long.toString(f.sampleSize()));
            }
        }
        GateRecord.Verdict v = row.verdict();
        if (v != null) {
            p.put("verdict", v.outcome().label());
            put(p, "baseline", v.baseline());
            put(p, "current", v.current());
            put(p, "change", v.change());
            put(p, "change.ci95.low", v.changeLow());
            put(p, "change.ci95.high", v.changeHigh());
            p.put("change.kind", v.relative() ? "ratio" : "points");
            p.put("threshold", Quantities.plain(v.threshold()));
            put(p, "p", v.pValue());
            put(p, "p.adjusted", v.adjustedPValue());
            put(p, "minimum.detectable", v.minimumDetectable());
            p.put("history.runs", Integer.toString(v.historyRuns()));
            if (v.method() != null) {
                p.put("method", v.method());
            }
            if (v.opensNewSegment()) {
                p.put("new.segment", "true");
            }
            if (v.confirmation() != null) {
                p.put("confirmation", confirmation(v.confirmation()));
            }
        }
        return p;
    }

    /** {@code p99 regression: baseline 10.00 ms, current 11.50 ms, change +15.0% [95% CI ...], threshold 5%, p = 0.0001}. */
    static String regressionMessage(Row row) {
        GateRecord.Verdict v = row.verdict();
        List<String> parts = new ArrayList<>();
        if (v.baseline() != null) {
            parts.add("baseline " + Quantities.human(v.baseline(), v.unit()));
        }
        if (v.current() != null) {
            parts.add("current " + Quantities.human(v.current(), v.unit()));
        }
        if (v.change() != null) {
            String ci = Quantities.changeInterval(v);
            parts.add("change " + v.changeText() + (ci.isEmpty() ? "" : " [95% CI " + ci + "]"));
        }
        parts.add("threshold " + Quantities.threshold(v));
        if (v.pValue() != null) {
            String p = "p = " + Quantities.pValue(v.pValue());
            if (v.adjustedPValue() != null) {
                p += " (adjusted " + Quantities.pValue(v.adjustedPValue()) + ")";
            }
            parts.add(p);
        }
        return row.metric() + " regression: " + String.join(", ", parts);
    }

    /** Why a verdict was not reached: {@code inconclusive: change +6.0% [...], threshold 5%, p = 0.04}. */
    static String undecidedMessage(Row row) {
        GateRecord.Verdict v = row.verdict();
        return switch (v.outcome()) {
            case NEW -> "new: no earlier run has " + row.configuration() + " " + row.metric() + " to compare with";
            case MISSING -> "missing: in the history, not in this run";
            default -> {
                String m = regressionMessage(row);
                yield v.outcome().label() + ": " + m.substring(m.indexOf(": ") + 2);
            }
        };
    }

    /** The verdict's reasoning, one fact a line, for the element's body. */
    static String details(GateRecord.Verdict v) {
        List<String> lines = new ArrayList<>();
        if (v.method() != null) {
            lines.add("method: " + v.method());
        }
        lines.add("history: " + v.historyRuns() + " earlier run" + (v.historyRuns() == 1 ? "" : "s"));
        if (v.minimumDetectable() != null) {
            lines.add("smallest detectable worsening: " + (v.relative()
                    ? Quantities.plain(Math.round(v.minimumDetectable() * 1000) / 10.0) + "%"
                    : Quantities.plain(Math.round(v.minimumDetectable() * 100) / 100.0) + " pt"));
        }
        if (v.opensNewSegment()) {
            lines.add("change-point detection: this run opens a new segment");
        }
        if (v.confirmation() != null) {
            lines.add("confirmation: " + confirmation(v.confirmation()));
        }
        return String.join("\n", lines);
    }

    private static String confirmation(GateRecord.Confirmation c) {
        String text = (c.confirmed() ? "reproduced" : "did not reproduce") + " in " + c.reruns() + " rerun"
                + (c.reruns() == 1 ? "" : "s") + " against " + c.against();
        if (c.pValue() != null) {
            text += ", p = " + Quantities.pValue(c.pValue());
        }
        return text;
    }

    private static void put(Map<String, String> p, String name, Double value) {
        if (value != null) {
            p.put(name, Quantities.plain(value));
        }
    }
}
