package io.inferbench.scenario;

/**
 * How much work a scenario file may ask of the harness before anything runs: bounds on what is
 * read (the file, each string, nesting, aliases) and on what is planned (configurations). Each
 * bound is far above what a real scenario needs and far below what hangs or exhausts the harness;
 * exceeding one is a one-line problem naming it.
 */
public final class ScenarioLimits {
    /** Largest scenario file read: 1 MiB (the biggest shipped example is a few KiB). */
    public static final long MAX_FILE_BYTES = 1 << 20;
    /** Longest single YAML value (a description, a path, an environment value): 64 Ki characters. */
    public static final int MAX_STRING_LENGTH = 1 << 16;
    /** Deepest nesting of mappings and lists. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Most aliases to collections (an alias bomb expands exponentially). */
    public static final int MAX_ALIASES = 50;
    /** Largest text input or accuracy dataset file read: 256 MiB. */
    public static final long MAX_DATA_FILE_BYTES = 256L << 20;
    /** Most configurations a matrix may expand to unless the caller raises it ({@code --max-configurations}). */
    public static final int DEFAULT_MAX_CONFIGURATIONS = 10_000;

    private ScenarioLimits() {
    }
}
