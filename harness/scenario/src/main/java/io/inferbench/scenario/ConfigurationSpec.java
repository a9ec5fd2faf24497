package io.inferbench.scenario;

import io.inferbench.load.LoadProfile;
import io.inferbench.api.optimize.OptimizationStep;
import java.util.List;
import java.util.Map;

/**
 * One configuration to measure: a point of the scenario's matrix, fully resolved.
 *
 * @param id       {@code c01}, {@code c02}, ... in matrix order
 * @param label    {@code precision=int8 threads=2}; the scenario name when there is no matrix
 * @param axes     axis name to value label
 * @param model    what to load
 * @param inputs   how to build the input samples
 * @param backend  which backend and its options
 * @param hardware which device
 * @param load     how to issue queries
 * @param batching dynamic batching between load and backend, or null
 * @param run      when the measurement starts, and when it has enough
 * @param baseline the matrix variant this configuration is compared with ({@code baseline:}), or null
 * @param settings the configuration as flat dotted keys, for results and reports (display only)
 * @param locations where key fields were declared (dotted path to position), for later errors
 * @param optimizationSteps {@code optimization.steps}: applied in order to the model before it is loaded; empty
 *                          for none
 */
public record ConfigurationSpec(String id, String label, Map<String, String> axes, ModelSpec model,
                                InputSpec inputs, BackendSpec backend, HardwareSpec hardware,
                                LoadProfile load, io.inferbench.load.Batching batching, RunSpec run, String baseline,
                                Map<String, String> settings,
                                Map<String, SourceLocation> locations, List<OptimizationStep> optimizationSteps) {
    public ConfigurationSpec {
        optimizationSteps = optimizationSteps == null ? List.of() : List.copyOf(optimizationSteps);
        axes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(axes));
        settings = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(settings));
        locations = Map.copyOf(locations);
    }

    /** A configuration whose model is loaded as it is (no optimization steps). */
    public ConfigurationSpec(String id, String label, Map<String, String> axes, ModelSpec model, InputSpec inputs,
                             BackendSpec backend, HardwareSpec hardware, LoadProfile load,
                             io.inferbench.load.Batching batching, RunSpec run, String baseline,
                             Map<String, String> settings, Map<String, SourceLocation> locations) {
        this(id, label, axes, model, inputs, backend, hardware, load, batching, run, baseline, settings, locations,
                List.of());
    }

    /** Where {@code path} was declared, or {@link SourceLocation#UNKNOWN}. */
    public SourceLocation location(String path) {
        return locations.getOrDefault(path, SourceLocation.UNKNOWN);
    }
}
