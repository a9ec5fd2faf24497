package io.inferbench.load;

/**
 * A stored histogram that is not one {@link HistogramCodec#encode} wrote (a hand edit, a truncated
 * file): bad input, which commands report as such rather than as an internal error.
 */
public final class CorruptHistogramException extends IllegalArgumentException {
    public CorruptHistogramException(String message, Throwable cause) {
        super(message, cause);
    }
}
