package io.inferbench.scenario;

/**
 * One thing wrong with a scenario file.
 *
 * @param file    the scenario file as given
 * @param line    1-based line, or 0 when unknown
 * @param column  1-based column, or 0 when unknown
 * @param path    dotted field path, e.g. {@code load.concurrency}
 * @param message what is wrong and what was expected
 */
public record Problem(String file, int line, int column, String path, String message) {
    /** {@code quickstart.yaml:12:5: load.concurrency: expected an integer >= 1, got "zero"}. */
    public String format() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line).append(':').append(column);
        }
        sb.append(": ");
        if (path != null && !path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(message).toString();
    }
}
