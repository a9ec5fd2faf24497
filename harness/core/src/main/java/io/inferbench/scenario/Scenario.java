package io.inferbench.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * A parsed, validated scenario: the matrix already expanded into configurations.
 *
 * @param file           the scenario file
 * @param name           scenario name (defaults to the file name without extension)
 * @param description    free text
 * @param source         the file's text, verbatim
 * @param configurations one per point of the matrix, in matrix order
 */
public record Scenario(Path file, String name, String description, String source,
                       List<ConfigurationSpec> configurations) {
    public Scenario {
        configurations = List.copyOf(configurations);
    }
}
