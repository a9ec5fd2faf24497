package io.inferbench.export;

import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.GateRecord;
import io.inferbench.result.MachineFingerprint;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A GitHub step summary (or pull-request comment): with a gate record, its headline ({@code Gate: FAILED,
 * 1 regression} or {@code Gate: passed}) and a table of configuration, metric, baseline, current, change
 * [95% CI] and verdict, regressions first; without one, each configuration's figures with their 95%
 * interval and sample size. Labels are escaped, so a {@code |} or markup in one cannot break the table.
 */
final class MarkdownFormat implements ExportFormat {
    @Override
    public String name() {
        return "markdown";
    }

    @Override
    public String extension() {
        return "md";
    }

    @Override
    public void write(ExportedRun run, Writer out) throws IOException {
        StringBuilder md = new StringBuilder();
        if (run.gate().isPresent()) {
            gate(run, run.gate().get(), md);
        } else {
            figures(run, md);
        }
        out.write(md.toString());
    }

    private static void gate(ExportedRun run, GateRecord g, StringBuilder md) {
        int regressions = g.failures().size();
        md.append("### Gate: ").append(regressions > 0 || !g.passed()
                ? "FAILED, " + regressions + " regression" + (regressions == 1 ? "" : "s") : "passed").append("\n\n");
        md.append("Scenario ").append(code(run.scenario())).append(", run ").append(code(run.run().runId()))
                .append(", against ").append(escape(String.valueOf(g.baseline()))).append(" (")
                .append(g.tests()).append(" tests at α = ").append(Quantities.plain(g.alpha())).append(").\n\n");
        md.append("| configuration | metric | baseline | current | change [95% CI] | verdict |\n");
        md.append("|---|---|---:|---:|---:|---|\n");
        List<Row> rows = new ArrayList<>(run.rows());
        // Regressions first (stable: in run order among themselves), then everything else as the run has it.
        rows.sort(Comparator.comparingInt(r -> r.outcome() == GateRecord.Outcome.REGRESSION ? 0 : 1));
        for (Row r : rows) {
            GateRecord.Verdict v = r.verdict();
            if (r.notMeasured()) {
                md.append(cells(r.configuration(), "—", "", "", "", notMeasured(r)));
            } else if (v == null) {
                md.append(cells(r.configuration(), r.metric(), "",
                        r.figure() == null ? "" : Quantities.human(r.figure().value(), r.unit()), "", "not judged"));
            } else {
                md.append(cells(r.configuration(), r.metric(),
                        v.baseline() == null ? "" : Quantities.human(v.baseline(), v.unit()),
                        current(r, v),
                        Quantities.change(v), verdict(v)));
            }
        }
        if (!g.environmentChanges().isEmpty() || !g.notes().isEmpty()) {
            md.append('\n');
        }
        for (GateRecord.EnvironmentChange c : g.environmentChanges()) {
            md.append("- Environment change since ").append(code(c.sinceRunId())).append(" (a new series starts): ")
                    .append(escape(c.differences().stream().map(MachineFingerprint.Difference::describe)
                            .collect(Collectors.joining("; ")))).append('\n');
        }
        for (String note : g.notes()) {
            md.append("- ").append(escape(note)).append('\n');
        }
    }

    private static void figures(ExportedRun run, StringBuilder md) {
        md.append("### ").append(escape(run.scenario())).append(": run ").append(code(run.run().runId())).append("\n\n");
        md.append("| configuration | metric | value [95% CI] | n |\n");
        md.append("|---|---|---:|---:|\n");
        for (Row r : run.rows()) {
            if (r.notMeasured()) {
                md.append(cells(r.configuration(), "—", notMeasured(r), ""));
                continue;
            }
            Figure f = r.figure();
            String ci = Quantities.interval(f.ci95(), f.metric().unit());
            md.append(cells(r.configuration(), r.metric(),
                    Quantities.human(f.value(), f.metric().unit()) + (ci.isEmpty() ? "" : " " + ci),
                    f.sampleSize() > 0 ? Long.toString(f.sampleSize()) : ""));
        }
    }

    /** Tonight's figure as this run measured it; the gate's when the run has none for it. */
    private static String current(Row r, GateRecord.Verdict v) {
        if (r.figure() != null) {
            return Quantities.human(r.figure().value(), r.figure().metric().unit());
        }
        return v.current() == null ? "" : Quantities.human(v.current(), v.unit());
    }

    private static String verdict(GateRecord.Verdict v) {
        String label = v.outcome() == GateRecord.Outcome.REGRESSION ? "**regression**" : v.outcome().label();
        if (v.confirmation() != null) {
            label += v.confirmation().confirmed() ? " (confirmed)" : "";
        }
        return v.opensNewSegment() ? label + " · new segment" : label;
    }

    private static String notMeasured(Row r) {
        String reason = r.source().reason() == null ? "" : r.source().reason().lines().findFirst().orElse("");
        return (r.status() == ConfigurationStatus.FAILED ? "**failed**: " : "skipped: ") + escape(reason);
    }

    /** A table row; the first two cells are labels (escaped), the others already Markdown. */
    private static String cells(String configuration, String metric, String... rest) {
        StringBuilder b = new StringBuilder("| ").append(escape(configuration)).append(" | ").append(escape(metric));
        for (String cell : rest) {
            b.append(" | ").append(cell);
        }
        return b.append(" |\n").toString();
    }

    private static String code(String s) {
        return "`" + String.valueOf(s).replace("`", "'").replace("|", "\\|").replaceAll("\\R", " ") + "`";
    }

    /**
     * {@code s} as literal text in a table cell: line breaks become spaces, and CommonMark's punctuation that
     * could start markup or end the cell is backslash-escaped.
     */
    static String escape(String s) {
        String flat = String.valueOf(s).replaceAll("\\R", " ");
        StringBuilder b = new StringBuilder(flat.length());
        for (char c : flat.toCharArray()) {
            if ("\\`*_[]<>|~&#!".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
