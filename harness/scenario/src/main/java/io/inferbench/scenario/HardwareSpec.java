package io.inferbench.scenario;

import io.inferbench.api.Device;

/** Device a configuration runs on. */
public record HardwareSpec(Device device) {
}
