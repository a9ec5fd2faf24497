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
 * @param recommend      what a recommended configuration must meet, or null for no constraints
 */
public record Scenario(Path file, String name, String description, String source,
                       List<ConfigurationSpec> configurations, RecommendSpec recommend) {
    public Scenario {
        configurations = List.copyOf(configurations);
    }

    public Scenario(Path file, String name, String description, String source, List<ConfigurationSpec> configurations) {
        this(file, name, description, source, configurations, null);
    }
}
