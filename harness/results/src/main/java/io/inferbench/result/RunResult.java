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
 * @param comparisons    each measured configuration against the baseline (the first measured one)
 * @param recommendation the best configuration under the scenario's constraints, and why each other lost;
 *                       null until the run is analysed
 * @param agreements     each configuration's outputs against a reference configuration with the same inputs
 * @param accuracyDrops  each configuration's task accuracy against the {@code accuracy.reference}
 *                       configuration's, paired over the same items; empty without accuracy tasks
 */
public record RunResult(String schema, String runId, Instant startedAt, Instant finishedAt,
                        ScenarioRecord scenario, EnvironmentInfo environment,
                        List<ConfigurationResult> configurations, List<ComparisonResult> comparisons,
                        RecommendationResult recommendation, List<AgreementResult> agreements,
                        List<AccuracyDropResult> accuracyDrops) {
    public static final String SCHEMA = "inferbench.run/1";

    public RunResult {
        configurations = List.copyOf(configurations);
        comparisons = comparisons == null ? List.of() : List.copyOf(comparisons);
        agreements = agreements == null ? List.of() : List.copyOf(agreements);
        accuracyDrops = accuracyDrops == null ? List.of() : List.copyOf(accuracyDrops);
    }

    public RunResult(String schema, String runId, Instant startedAt, Instant finishedAt, ScenarioRecord scenario,
                     EnvironmentInfo environment, List<ConfigurationResult> configurations,
                     List<ComparisonResult> comparisons, RecommendationResult recommendation,
                     List<AgreementResult> agreements) {
        this(schema, runId, startedAt, finishedAt, scenario, environment, configurations, comparisons, recommendation,
                agreements, List.of());
    }

    /** A run not analysed yet: no comparisons, no recommendation. */
    public RunResult(String schema, String runId, Instant startedAt, Instant finishedAt, ScenarioRecord scenario,
                     EnvironmentInfo environment, List<ConfigurationResult> configurations) {
        this(schema, runId, startedAt, finishedAt, scenario, environment, configurations, List.of(), null, List.of());
    }

    /** Analysed, without output agreement. */
    public RunResult(String schema, String runId, Instant startedAt, Instant finishedAt, ScenarioRecord scenario,
                     EnvironmentInfo environment, List<ConfigurationResult> configurations,
                     List<ComparisonResult> comparisons, RecommendationResult recommendation) {
        this(schema, runId, startedAt, finishedAt, scenario, environment, configurations, comparisons, recommendation,
                List.of());
    }

    public RunResult withConfigurations(List<ConfigurationResult> configs, Instant finished) {
        return new RunResult(schema, runId, startedAt, finished, scenario, environment, configs, comparisons,
                recommendation, agreements, accuracyDrops);
    }

    public RunResult withAnalysis(List<ComparisonResult> comps, RecommendationResult rec,
                                  List<AgreementResult> agree) {
        return new RunResult(schema, runId, startedAt, finishedAt, scenario, environment, configurations, comps, rec,
                agree, accuracyDrops);
    }

    public RunResult withAccuracyDrops(List<AccuracyDropResult> drops) {
        return new RunResult(schema, runId, startedAt, finishedAt, scenario, environment, configurations, comparisons,
                recommendation, agreements, drops);
    }

    /** True when any configuration failed (the CLI then exits 1). */
    public boolean anyFailed() {
        return configurations.stream().anyMatch(c -> c.status() == ConfigurationStatus.FAILED);
    }
}
