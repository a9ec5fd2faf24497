package io.inferbench.gate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one run measured, series by series: tonight's run, or one night of the history.
 *
 * @param runId        the run's name, e.g. its folder
 * @param observations by series, in the order verdicts should be listed
 */
public record RunObservations(String runId, Map<SeriesKey, Observation> observations) {
    public RunObservations {
        Objects.requireNonNull(runId, "runId");
        observations.forEach((key, observation) -> {
            Objects.requireNonNull(key, "series key");
            Objects.requireNonNull(observation, () -> "observation of " + key);
        });
        // Insertion order kept: verdicts come out in the order the run listed its configurations.
        observations = Collections.unmodifiableMap(new LinkedHashMap<>(observations));
    }

    public Observation get(SeriesKey key) {
        return observations.get(key);
    }
}
