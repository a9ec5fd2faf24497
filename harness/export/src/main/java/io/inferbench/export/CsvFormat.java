package io.inferbench.export;

import io.inferbench.result.GateRecord;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One row per configuration and metric (one row for a configuration that measured nothing, with its
 * status and reason; one for each gate verdict on something not in this run), under a fixed header:
 * the gate's columns are there, empty, without a gate record. Numbers in the result's units with every
 * digit; RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled.
 */
final class CsvFormat implements ExportFormat {
    static final List<String> HEADER = List.of("scenario", "run", "configuration_id", "configuration", "status",
            "reason", "metric", "unit", "lower_is_better", "value", "ci95_low", "ci95_high", "ci95_bounded", "n",
            "verdict", "baseline", "current", "change", "change_ci95_low", "change_ci95_high", "change_kind",
            "threshold", "p_value", "adjusted_p_value", "history_runs");

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public String extension() {
        return "csv";
    }

    @Override
    public void write(ExportedRun run, Writer out) throws IOException {
        line(out, HEADER);
        for (Row r : run.rows()) {
            line(out, fields(run, r));
        }
    }

    private static List<String> fields(ExportedRun run, Row r) {
        List<String> f = new ArrayList<>(HEADER.size());
        f.add(run.scenario());
        f.add(run.run().runId());
        f.add(r.source() == null ? "" : r.source().id());
        f.add(r.configuration());
        f.add(r.source() == null ? "absent" : r.status().name().toLowerCase(Locale.ROOT));
        f.add(r.source() == null || r.source().reason() == null ? "" : r.source().reason());
        f.add(r.metric() == null ? "" : r.metric());
        f.add(r.notMeasured() ? "" : r.unit());
        f.add(Metric.byName(String.valueOf(r.metric())).map(m -> Boolean.toString(m.lowerIsBetter()))
                .orElse(r.verdict() == null ? "" : Boolean.toString(r.verdict().lowerIsBetter())));
        Figure fig = r.figure();
        f.add(fig == null ? "" : Quantities.plain(fig.value()));
        f.add(fig == null || fig.ci95() == null ? "" : Quantities.plain(fig.ci95().low()));
        f.add(fig == null || fig.ci95() == null ? "" : Quantities.plain(fig.ci95().high()));
        f.add(fig == null || fig.ci95() == null ? "" : Boolean.toString(fig.ci95().bounded()));
        f.add(fig == null || fig.sampleSize() <= 0 ? "" : Long.toString(fig.sampleSize()));
        GateRecord.Verdict v = r.verdict();
        if (v == null) {
            while (f.size() < HEADER.size()) {
                f.add("");
            }
            return f;
        }
        f.add(v.outcome().label());
        f.add(plain(v.baseline()));
        f.add(plain(v.current()));
        f.add(plain(v.change()));
        f.add(plain(v.changeLow()));
        f.add(plain(v.changeHigh()));
        f.add(v.relative() ? "ratio" : "points");
        f.add(Quantities.plain(v.threshold()));
        f.add(plain(v.pValue()));
        f.add(plain(v.adjustedPValue()));
        f.add(Integer.toString(v.historyRuns()));
        return f;
    }

    private static String plain(Double d) {
        return d == null ? "" : Quantities.plain(d);
    }

    private static void line(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(fields.get(i)));
        }
        out.write("\r\n");
    }

    /** RFC 4180, section 2: quoted when it holds a comma, a quote or a line break; quotes doubled. */
    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
