package io.inferbench.export;

import io.inferbench.result.GateRecord;
import io.inferbench.result.RunResult;
import java.io.IOException;
import java.io.Writer;
import java.util.Optional;

/** Writes a run (and its gate's verdicts, when given) in one of the {@link ExportFormat}s. */
public final class Exporter {
    private Exporter() {
    }

    /**
     * Writes {@code run} in {@code format} to {@code out}, flushed, not closed.
     *
     * @param gate the gate's record of this run; its verdicts become failures (JUnit), a verdict column
     *             (Markdown, CSV) and gauges (OpenMetrics); the benchmark formats carry figures only
     * @throws IllegalArgumentException when {@code gate} is the record of another run
     */
    public static void write(ExportFormat format, RunResult run, Optional<GateRecord> gate, Writer out)
            throws IOException {
        format.write(ExportedRun.of(run, gate), out);
        out.flush();
    }
}
