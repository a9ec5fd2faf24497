package io.inferbench.api;

/**
 * A device as a backend sees it.
 *
 * @param device      the device
 * @param description human description (CPU model, GPU name and memory)
 * @param available   whether the backend can run on it now
 * @param note        why not, or other detail; empty when nothing to say
 */
public record DeviceInfo(Device device, String description, boolean available, String note) {
}
