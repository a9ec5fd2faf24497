package io.inferbench.result;

import java.time.Instant;
import java.util.List;

/**
 * One run of one scenario: the document written to {@code results/<runId>/result.json}.
 *
 * @param schema         always {@link #SCHEMA}; readers reject other major versions
 * @param runId          unique, sortable: {@code 20261122-101500-quickstart}
 * @param startedAt      wall-clock start
 * @param finishedAt     wall-clock end ({@code null} while running)
 * @param scenario       the scenario as written and as resolved
 * @param environment    machine, OS, JVM, library versions, git commit
 * @param configurations one entry per configuration of the matrix, in matrix order
 */
public record RunResult(String schema, String runId, Instant startedAt, Instant finishedAt,
                        ScenarioRecord scenario, EnvironmentInfo environment,
                        List<ConfigurationResult> configurations) {
    public static final String SCHEMA = "inferbench.run/1";

    public RunResult {
        configurations = List.copyOf(configurations);
    }

    public RunResult withConfigurations(List<ConfigurationResult> configs, Instant finished) {
        return new RunResult(schema, runId, startedAt, finished, scenario, environment, configs);
    }

    /** True when any configuration failed (the CLI then exits 1). */
    public boolean anyFailed() {
        return configurations.stream().anyMatch(c -> c.status() == ConfigurationStatus.FAILED);
    }
}
