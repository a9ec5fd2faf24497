package io.inferbench.cli;

/** The {@code --max-configurations N} option of {@code run} and {@code validate}. */
final class MaxConfigurations {
    private MaxConfigurations() {
    }

    /** {@code n}, when it is at least 1. */
    static int check(int n) throws BadInputException {
        if (n < 1) {
            throw new BadInputException("--max-configurations: expected an integer >= 1, got " + n);
        }
        return n;
    }
}
