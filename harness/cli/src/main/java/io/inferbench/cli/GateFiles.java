package io.inferbench.cli;

import io.inferbench.export.ExportFormat;
import io.inferbench.export.Exporter;
import io.inferbench.result.GateRecord;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/** The gate's CI files: JUnit XML and the Markdown summary, as {@code inferbench export} writes them. */
final class GateFiles {
    private GateFiles() {
    }

    static void write(RunResult run, GateRecord record, Path junit, Path markdown) throws IOException {
        write(ExportFormat.JUNIT, run, record, junit);
        write(ExportFormat.MARKDOWN, run, record, markdown);
    }

    private static void write(ExportFormat format, RunResult run, GateRecord record, Path file) throws IOException {
        if (file == null) {
            return;
        }
        StringWriter text = new StringWriter();
        Exporter.write(format, run, Optional.of(record), text);
        ResultJson.writeAtomically(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
