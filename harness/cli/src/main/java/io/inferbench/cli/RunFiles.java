package io.inferbench.cli;

import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import io.inferbench.run.BenchmarkRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A run named on the command line: its folder or its result.json. */
final class RunFiles {
    /**
     * @param run    the result
     * @param folder the run's folder (where its gate.json and report go)
     */
    record Located(RunResult run, Path folder) {
    }

    private RunFiles() {
    }

    /** Reads the run at {@code given}; {@code what} names the argument in the one-line error. */
    static Located locate(Path given, String what) throws BadInputException {
        Path json = Files.isDirectory(given) ? given.resolve(BenchmarkRunner.RESULT_FILE) : given;
        if (!Files.isRegularFile(json)) {
            throw new BadInputException(what + ": no result at " + json
                    + (Files.exists(given) ? "" : " (" + given + " does not exist)"));
        }
        try {
            return new Located(ResultJson.read(json), json.toAbsolutePath().getParent());
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(what + ": cannot read " + json + ": " + String.valueOf(e.getMessage())
                    .lines().findFirst().orElse(""));
        }
    }

    /** The run's scenario name ("" when it has none). */
    static String scenario(RunResult run) {
        return run.scenario() == null || run.scenario().name() == null ? "" : run.scenario().name();
    }
}
