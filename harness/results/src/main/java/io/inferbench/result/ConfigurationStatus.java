package io.inferbench.result;

/** How a configuration ended. */
public enum ConfigurationStatus {
    /** Measured. Whether the measurement counts is in {@link ConfigurationResult#verdict()}. */
    OK,
    /** Loading or running failed; {@link ConfigurationResult#error()} says why. */
    FAILED,
    /** Not attempted: e.g. no GPU found, or the backend does not support the model. */
    SKIPPED
}
