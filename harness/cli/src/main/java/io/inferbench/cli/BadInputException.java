package io.inferbench.cli;

/** Bad command-line input (missing file, wrong argument): exit code 2, message only. */
final class BadInputException extends Exception {
    private static final long serialVersionUID = 1L;

    BadInputException(String message) {
        super(message);
    }
}
