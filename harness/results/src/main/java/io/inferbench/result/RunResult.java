package io.inferbench.result;

import java.time.Instant;
import java.util.List;

/**
 * One run of one scenario: the document written to {@code results/<runId>/result.json}. What was
 * measured ({@link #configurations}) is kept apart from what is derived from it ({@link #summary}).
 *
 * @param schema         always {@link #SCHEMA}; {@link ResultJson#read} upgrades older documents and rejects
 *                       newer ones
 * @param runId          unique, sortable: {@code 20261122-101500-quickstart}
 * @param startedAt      wall-clock start
 * @param finishedAt     wall-clock end ({@code null} while running)
 * @param scenario       the scenario as written and as resolved
 * @param environment    machine, OS, JVM, library versions, git commit
 * @param configurations one entry per configuration of the matrix, in matrix order
 * @param summary        comparisons, recommendation, output agreement and accuracy drops;
 *                       {@link RunSummary#NONE} until the run is analysed
 * @param shard          the part of the scenario this run measured ({@code run --shard I/N}); null for a whole run
 * @param merge          how a merged result was put together ({@code merge}); null for a run measured as one
 */
public record RunResult(String schema, String runId, Instant startedAt, Instant finishedAt,
                        ScenarioRecord scenario, EnvironmentInfo environment,
                        List<ConfigurationResult> configurations, RunSummary summary, ShardInfo shard,
                        MergeInfo merge) {
    /** Version 2: configurations in parts (setup, session, outcome, phases, resources), the summary apart. */
    public static final String SCHEMA = "inferbench.run/2";

    public RunResult {
        configurations = List.copyOf(configurations);
        summary = summary == null ? RunSummary.NONE : summary;
    }

    /** A run measured as one, on one machine, whole. */
    public RunResult(String schema, String runId, Instant startedAt, Instant finishedAt, ScenarioRecord scenario,
                     EnvironmentInfo environment, List<ConfigurationResult> configurations, RunSummary summary) {
        this(schema, runId, startedAt, finishedAt, scenario, environment, configurations, summary, null, null);
    }

    /** A run just started: nothing measured, nothing analysed. */
    public static RunResult started(String runId, Instant startedAt, ScenarioRecord scenario,
                                    EnvironmentInfo environment) {
        return new RunResult(SCHEMA, runId, startedAt, null, scenario, environment, List.of(), RunSummary.NONE);
    }

    public RunResult withConfigurations(List<ConfigurationResult> configs, Instant finished) {
        return new RunResult(schema, runId, startedAt, finished, scenario, environment, configs, summary, shard, merge);
    }

    public RunResult withSummary(RunSummary derived) {
        return new RunResult(schema, runId, startedAt, finishedAt, scenario, environment, configurations, derived,
                shard, merge);
    }

    /** This run as shard {@code part} of its scenario. */
    public RunResult withShard(ShardInfo part) {
        return new RunResult(schema, runId, startedAt, finishedAt, scenario, environment, configurations, summary,
                part, merge);
    }

    /** True when any configuration failed (the CLI then exits 1). */
    public boolean anyFailed() {
        return configurations.stream().anyMatch(c -> c.status() == ConfigurationStatus.FAILED);
    }
}
