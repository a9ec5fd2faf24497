package io.inferbench.adapter.support;

import java.util.List;

/**
 * Error messages on one line: the SPI asks a {@code BackendException} to say what and why in one line,
 * and native libraries write several, with source locations and hints. Each adapter strips what its
 * library adds (prefixes, node context), then folds and caps here.
 */
public final class ErrorLines {
    /** Longer messages are cut, with {@code ...}: a report row, not a log. */
    public static final int MAX_LENGTH = 400;

    private ErrorLines() {
    }

    /** Whitespace runs (newlines included) folded to one space, ends stripped. */
    public static String fold(String message) {
        return message.replaceAll("\\s+", " ").strip();
    }

    /** At most {@link #MAX_LENGTH} characters, ending in {@code ...} when cut. */
    public static String cap(String message) {
        return message.length() <= MAX_LENGTH ? message : message.substring(0, MAX_LENGTH - 3) + "...";
    }

    /** Folded and capped. */
    public static String oneLine(String message) {
        return cap(fold(message));
    }

    /** The exception's message, or its {@code toString()} when the message is missing or blank. */
    public static String message(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.toString() : message;
    }

    /** Whether {@code text} contains any of {@code phrases} (already lower case, like the text). */
    public static boolean containsAny(String text, List<String> phrases) {
        for (String phrase : phrases) {
            if (text.contains(phrase)) {
                return true;
            }
        }
        return false;
    }
}
