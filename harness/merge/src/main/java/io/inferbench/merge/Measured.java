package io.inferbench.merge;

import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.MachineFingerprint;

/** A configuration as one input measured it, and on which machine. */
record Measured(MergeInput input, ConfigurationResult configuration, MachineFingerprint fingerprint) {
}
