package io.inferbench.cli;

import io.inferbench.result.GateRecord;
import io.inferbench.result.RunResult;
import java.nio.file.Path;

/** The gate's CI files: JUnit XML and the Markdown summary. */
final class GateFiles {
    private GateFiles() {
    }

    static void write(RunResult run, GateRecord record, Path junit, Path markdown) throws BadInputException {
        if (junit != null || markdown != null) {
            throw new BadInputException("--junit/--markdown: not available in this build");
        }
    }
}
