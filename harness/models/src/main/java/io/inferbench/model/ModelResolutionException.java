package io.inferbench.model;

/** A model source cannot be resolved to a local file. The message is one line, for the user. */
public class ModelResolutionException extends Exception {
    private static final long serialVersionUID = 1L;

    public ModelResolutionException(String message) {
        super(message);
    }
}
