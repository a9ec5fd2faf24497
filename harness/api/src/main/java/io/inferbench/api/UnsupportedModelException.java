package io.inferbench.api;

/**
 * This backend cannot run this model (unsupported format or operators). The harness reports the
 * configuration as not supported by the backend, and the run goes on.
 */
public class UnsupportedModelException extends BackendException {
    private static final long serialVersionUID = 1L;

    public UnsupportedModelException(String message) {
        super(message);
    }

    public UnsupportedModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
