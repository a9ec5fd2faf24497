package io.inferbench.api;

/**
 * The requested device (typically a GPU) is not present on this machine. The harness reports the
 * configuration as skipped, not failed, unless the user demanded the device.
 */
public class DeviceUnavailableException extends BackendException {
    private static final long serialVersionUID = 1L;

    public DeviceUnavailableException(String message) {
        super(message);
    }

    public DeviceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
