package io.inferbench.merge;

/** Runs that do not make one result, with the reason in one line. */
public final class MergeException extends Exception {
    public MergeException(String message) {
        super(message);
    }
}
