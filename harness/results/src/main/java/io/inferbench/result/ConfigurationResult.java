package io.inferbench.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.inferbench.api.accuracy.AccuracyMetric;

import java.util.List;
import java.util.Objects;

/**
 * One configuration of the matrix and what it measured, in parts: what it was, the session it ran,
 * how it ended, its timed phases, what it cost, and its accuracy.
 *
 * @param setup     what the configuration was, as declared
 * @param session   the tensors it was fed and the backend's effective settings
 * @param outcome   how it ended; null only in a result that does not record it
 * @param phases    warmup, measurement, forks and peak search; {@link PhasesResult#NONE} when nothing ran
 * @param resources load time, cold start and utilization; {@link ResourcesResult#NONE} when nothing ran
 * @param accuracy  the scenario's accuracy tasks on this configuration, in task order (accuracy mode,
 *                  after the measurement); empty when the scenario has none
 * @param machine   what else the machine was doing before and during the load, and the CPUs it ran on (the
 *                  noise guard); null when the configuration did not run (and in results from before it)
 */
public record ConfigurationResult(ConfigurationSetup setup, SessionInfo session, ConfigurationOutcome outcome,
                                  PhasesResult phases, ResourcesResult resources, List<AccuracyResult> accuracy,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) MachineActivity machine) {
    public ConfigurationResult {
        Objects.requireNonNull(setup, "setup: a configuration result names its configuration");
        session = session == null ? SessionInfo.NONE : session;
        phases = phases == null ? PhasesResult.NONE : phases;
        resources = resources == null ? ResourcesResult.NONE : resources;
        accuracy = accuracy == null ? List.of() : List.copyOf(accuracy);
    }

    /** Without the noise guard's record (nothing ran, or a result from before it). */
    public ConfigurationResult(ConfigurationSetup setup, SessionInfo session, ConfigurationOutcome outcome,
                               PhasesResult phases, ResourcesResult resources, List<AccuracyResult> accuracy) {
        this(setup, session, outcome, phases, resources, accuracy, null);
    }

    /**
     * A configuration that measured nothing: what it was, why not, and the measurements of any forks
     * that finished before it failed.
     */
    public static ConfigurationResult notMeasured(ConfigurationSetup setup, SessionInfo session,
                                                  ConfigurationStatus status, String reason,
                                                  List<PhaseResult> finishedForks) {
        return new ConfigurationResult(setup, session, ConfigurationOutcome.notMeasured(status, reason),
                PhasesResult.finishedForks(finishedForks), ResourcesResult.NONE, List.of());
    }

    /** This result with these accuracy results. */
    public ConfigurationResult withAccuracy(List<AccuracyResult> results) {
        return new ConfigurationResult(setup, session, outcome, phases, resources, results, machine);
    }

    /** This result with this noise-guard record. */
    public ConfigurationResult withMachine(MachineActivity activity) {
        return new ConfigurationResult(setup, session, outcome, phases, resources, accuracy, activity);
    }

    /** The configuration's id, e.g. {@code c01}. */
    public String id() {
        return setup.id();
    }

    /** The configuration's label, e.g. {@code precision=int8}. */
    public String label() {
        return setup.label();
    }

    /** How it ended; null when the result does not record it. */
    public ConfigurationStatus status() {
        return outcome == null ? null : outcome.status();
    }

    /** The verdict of a measured configuration; null for any other, or when not evaluated. */
    public Verdict verdict() {
        return outcome instanceof ConfigurationOutcome.Ok ok ? ok.verdict() : null;
    }

    /** The measured phase; null unless it ran. */
    public PhaseResult measurement() {
        return phases.measurement();
    }

    /** The main metric of the first accuracy task that has one, or null. */
    public AccuracyMetric mainAccuracy() {
        return accuracy.isEmpty() ? null : accuracy.get(0).main();
    }
}
