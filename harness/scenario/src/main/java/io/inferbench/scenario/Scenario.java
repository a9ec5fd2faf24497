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
 * @param accuracy       the accuracy tasks every configuration is scored on, or null for none
 * @param gate           the regression gate's settings from {@code gate:}; {@link GateSpec#NONE} without the block
 * @param compare        how configurations are compared with their baselines ({@code compare:});
 *                       {@link CompareSpec#DEFAULT} without the block
 */
public record Scenario(Path file, String name, String description, String source,
                       List<ConfigurationSpec> configurations, RecommendSpec recommend, AccuracySpec accuracy,
                       GateSpec gate, CompareSpec compare) {
    public Scenario {
        configurations = List.copyOf(configurations);
        gate = gate == null ? GateSpec.NONE : gate;
        compare = compare == null ? CompareSpec.DEFAULT : compare;
    }

    /** Without a {@code compare:} block. */
    public Scenario(Path file, String name, String description, String source,
                    List<ConfigurationSpec> configurations, RecommendSpec recommend, AccuracySpec accuracy,
                    GateSpec gate) {
        this(file, name, description, source, configurations, recommend, accuracy, gate, CompareSpec.DEFAULT);
    }

    public Scenario(Path file, String name, String description, String source, List<ConfigurationSpec> configurations) {
        this(file, name, description, source, configurations, null, null, GateSpec.NONE, CompareSpec.DEFAULT);
    }

    /** Without accuracy tasks. */
    public Scenario(Path file, String name, String description, String source, List<ConfigurationSpec> configurations,
                    RecommendSpec recommend) {
        this(file, name, description, source, configurations, recommend, null, GateSpec.NONE, CompareSpec.DEFAULT);
    }

    /** Without a {@code gate:} block. */
    public Scenario(Path file, String name, String description, String source, List<ConfigurationSpec> configurations,
                    RecommendSpec recommend, AccuracySpec accuracy) {
        this(file, name, description, source, configurations, recommend, accuracy, GateSpec.NONE,
                CompareSpec.DEFAULT);
    }
}
