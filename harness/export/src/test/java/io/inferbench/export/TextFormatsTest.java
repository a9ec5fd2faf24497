package io.inferbench.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CSV reads back field for field; the Markdown table keeps its columns whatever the labels hold. */
class TextFormatsTest {
    /** RFC 4180 records: CRLF-separated, quoted fields may hold commas, quotes (doubled) and line breaks. */
    static List<List<String>> readCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                assertEquals(0, field.length(), "a quote only opens a field");
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                assertEquals('\n', text.charAt(++i), "records end with CRLF");
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                assertFalse(c == '\n', "a bare line feed outside quotes");
                field.append(c);
            }
        }
        assertTrue(record.isEmpty() && field.isEmpty() && !quoted, "the text ends with a whole record");
        return records;
    }

    @Test
    void csvReadsBackWithTheAwkwardLabelAndTheMultiLineReasonIntact() {
        List<List<String>> records = readCsv(Golden.fixture(ExportFormat.CSV, true));
        assertEquals(CsvFormat.HEADER, records.get(0));
        records.forEach(r -> assertEquals(CsvFormat.HEADER.size(), r.size(), r.toString()));
        int configuration = CsvFormat.HEADER.indexOf("configuration");
        int metric = CsvFormat.HEADER.indexOf("metric");
        int verdict = CsvFormat.HEADER.indexOf("verdict");
        assertTrue(records.stream().anyMatch(r -> r.get(configuration).equals(Fixtures.AWKWARD)
                && r.get(metric).equals("p99") && r.get(verdict).equals("not confirmed")));
        List<String> failed = records.stream().filter(r -> r.get(configuration).equals("precision=fp16")).findFirst()
                .orElseThrow();
        assertEquals("failed", failed.get(CsvFormat.HEADER.indexOf("status")));
        assertEquals("fork 1 exited with code 134\nSIGSEGV in libonnxruntime.so",
                failed.get(CsvFormat.HEADER.indexOf("reason")), "terminal escapes dropped, the line break kept");
        // 9 figures, 2 configurations that measured nothing, a missing configuration and the common shift
        assertEquals(1 + 9 + 2 + 1 + 1, records.size());
    }

    @Test
    void csvQuotesOnlyWhatNeedsIt() {
        assertEquals("plain", CsvFormat.quote("plain"));
        assertEquals("\"a,b\"", CsvFormat.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvFormat.quote("say \"hi\""));
        assertEquals("\"two\r\nlines\"", CsvFormat.quote("two\r\nlines"));
    }

    /** Cells of a Markdown table row: split at pipes not escaped by a backslash. */
    static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 1; i < row.length() - 1; i++) {
            char c = row.charAt(i);
            if (c == '\\') {
                cell.append(c).append(row.charAt(++i));
            } else if (c == '|') {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().trim());
        return cells;
    }

    @Test
    void markdownRowsKeepTheirColumnsAndRegressionsComeFirst() {
        String md = Golden.fixture(ExportFormat.MARKDOWN, true);
        assertTrue(md.startsWith("### Gate: FAILED, 1 regression\n"), md);
        List<String> rows = md.lines().filter(l -> l.startsWith("|")).toList();
        rows.forEach(r -> assertEquals(6, cells(r).size(), r));
        assertEquals(List.of("precision=fp32 threads=1", "p99"), cells(rows.get(2)).subList(0, 2));
        assertTrue(rows.stream().anyMatch(r -> r.contains("precision=int8 tag=a\\|b\\_\\*\\<i\\>")), md);
        assertTrue(rows.stream().anyMatch(r -> r.contains("**failed**: fork 1 exited with code 134")), md);
    }

    @Test
    void markdownWithoutAGateListsFiguresWithTheirIntervalsAndSampleSizes() {
        String md = Golden.fixture(ExportFormat.MARKDOWN, false);
        List<String> rows = md.lines().filter(l -> l.startsWith("|")).toList();
        rows.forEach(r -> assertEquals(4, cells(r).size(), r));
        assertEquals(List.of("configuration", "metric", "value [95% CI]", "n"), cells(rows.get(0)));
        assertTrue(md.contains("| precision=fp32 threads=1 | p50 | 4.250 ms [4.200, 4.290] | 1200 |"), md);
    }

    @Test
    void aPassingGateSaysSo() {
        var g = Fixtures.gate();
        var passed = new io.inferbench.result.GateRecord(g.schema(), g.runId(), g.scenario(), g.fingerprint(),
                g.decidedAt(), g.baseline(), g.historyRunIds(), true, g.tests(), g.alpha(),
                g.verdicts().stream().filter(v -> v.outcome() != io.inferbench.result.GateRecord.Outcome.REGRESSION)
                        .toList(), List.of(), List.of(), List.of());
        String md = Golden.export(ExportFormat.MARKDOWN, Fixtures.run(), Optional.of(passed));
        assertTrue(md.startsWith("### Gate: passed\n"), md);
    }

    @Test
    void markdownEscapesMarkupAndFlattensLines() {
        assertEquals("a\\|b \\*c\\* \\`d\\` \\<e\\> f", MarkdownFormat.escape("a|b *c* `d` <e>\nf"));
    }

    @Test
    void parseNamesEveryFormatOnOneLineWhenTheNameIsUnknown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExportFormat.parse("xml"));
        assertEquals("unknown export format 'xml'; expected one of: junit, markdown, github-benchmark, "
                + "github-benchmark-bigger, bmf, jmh, csv, openmetrics", e.getMessage());
        assertEquals(ExportFormat.JUNIT, ExportFormat.parse(" JUnit "));
    }

    @Test
    void aGateRecordOfAnotherRunIsRefused() {
        var g = Fixtures.gate();
        var other = new io.inferbench.result.GateRecord(g.schema(), "20261202-020000-nightly", g.scenario(),
                g.fingerprint(), g.decidedAt(), g.baseline(), g.historyRunIds(), g.passed(), g.tests(), g.alpha(),
                g.verdicts(), g.commonShifts(), g.environmentChanges(), g.notes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Exporter.write(ExportFormat.CSV, Fixtures.run(), Optional.of(other), new java.io.StringWriter()));
        assertTrue(e.getMessage().contains("20261202-020000-nightly"), e.getMessage());
    }
}
