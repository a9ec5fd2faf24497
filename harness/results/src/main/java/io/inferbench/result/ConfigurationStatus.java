package io.inferbench.result;

/** How a configuration ended: the {@code status} of its {@link ConfigurationOutcome}. */
public enum ConfigurationStatus {
    /** Measured ({@link ConfigurationOutcome.Ok}); whether the measurement counts is in its verdict. */
    OK,
    /** Loading or running failed ({@link ConfigurationOutcome.Failed}, with the error). */
    FAILED,
    /** Not attempted ({@link ConfigurationOutcome.Skipped}): e.g. no GPU found, or the model is not supported. */
    SKIPPED
}
