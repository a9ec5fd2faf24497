package io.inferbench.protocol;

/**
 * A message that does not follow the protocol: its message is one line naming the field and what
 * was expected, fit to send back as {@code {"error": ...}} with status 400.
 */
public final class ProtocolException extends Exception {
    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
