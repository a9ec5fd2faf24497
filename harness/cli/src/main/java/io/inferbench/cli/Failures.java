package io.inferbench.cli;

import io.inferbench.scenario.ScenarioException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns exceptions into one clear message and an exit code: bad input is 2 with no stack trace;
 * an unexpected error is 1, with the stack trace only under {@code INFERBENCH_DEBUG=1}.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (ex instanceof ScenarioException se) {
            err.println("inferbench: the scenario is invalid (" + se.problems().size() + " problem"
                    + (se.problems().size() == 1 ? "" : "s") + "):");
            se.problems().forEach(p -> err.println("  " + p.format()));
            return Main.BAD_INPUT;
        }
        if (ex instanceof BadInputException) {
            err.println("inferbench: " + ex.getMessage());
            return Main.BAD_INPUT;
        }
        if (ex instanceof io.inferbench.load.CorruptHistogramException) {
            // A result edited or truncated by hand: bad input, whichever command met it.
            err.println("inferbench: " + ex.getMessage());
            return Main.BAD_INPUT;
        }
        if (ex instanceof io.inferbench.run.ResultWriteException) {
            // Not bad input, not a bug: the message says what was kept and how to finish.
            err.println("inferbench: " + ex.getMessage());
            return Main.CONFIGURATION_FAILED;
        }
        err.println("inferbench: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
        if ("1".equals(System.getenv("INFERBENCH_DEBUG"))) {
            ex.printStackTrace(err);
        } else {
            err.println("(set INFERBENCH_DEBUG=1 for the stack trace)");
        }
        return Main.CONFIGURATION_FAILED;
    }
}
