package io.inferbench.scenario;

/** A 1-based line and column in a scenario file, for errors found after parsing (e.g. against the model). */
public record SourceLocation(int line, int column) {
    public static final SourceLocation UNKNOWN = new SourceLocation(0, 0);
}
