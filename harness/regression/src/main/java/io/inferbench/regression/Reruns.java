package io.inferbench.regression;

import io.inferbench.gate.RunObservations;
import io.inferbench.result.RunResult;
import java.util.Optional;

/**
 * Runs a configuration again, for confirmation: implemented where the runner is (the command line),
 * so that this module knows results, not how to measure.
 */
public interface Reruns {
    /**
     * Why configuration {@code label} of {@code run} cannot be re-run as it was recorded — its scenario
     * or model is gone, or the model file changed since — or empty when it can.
     */
    Optional<String> cannotRerun(RunResult run, String label);

    /**
     * Runs configuration {@code label} of {@code run}'s recorded scenario once more, in a fresh JVM, and
     * returns what it measured.
     *
     * @throws RerunException when the rerun fails
     */
    RunObservations rerun(RunResult run, String label) throws RerunException;

    /** A rerun that did not produce a measurement. */
    final class RerunException extends Exception {
        public RerunException(String message) {
            super(message);
        }

        public RerunException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
