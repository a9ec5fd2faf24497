package io.inferbench.scenario;

import io.inferbench.api.Device;

/**
 * Where a configuration runs.
 *
 * @param device the device the model runs on
 * @param cpus   the CPUs its child JVMs are pinned to ({@code hardware.cpus}, as {@link CpuList#format} writes
 *               them, e.g. {@code 0-1}); null when not pinned
 */
public record HardwareSpec(Device device, String cpus) {
    /** Not pinned to CPUs. */
    public HardwareSpec(Device device) {
        this(device, null);
    }
}
