package io.inferbench.result;

import java.util.Map;

/**
 * What a configuration was, as the scenario declared it: known before anything ran, so a failed or
 * skipped configuration has it too.
 *
 * @param id       stable id within the run, e.g. {@code c01}
 * @param label    human label built from the matrix axes, e.g. {@code precision=int8 threads=2}
 * @param axes     matrix axis name to the value label chosen for this configuration
 * @param backend  backend provider name
 * @param device   {@code cpu} or {@code gpu:N}
 * @param load     load profile, e.g. {@code single-stream} or {@code concurrency(4)}
 * @param model    the model as resolved
 * @param feed     how the input samples were built and batched; null in results that did not record it
 * @param baseline the matrix variant this configuration is compared with (the scenario's {@code baseline:}),
 *                 or null for the first alike measured configuration
 * @param settings the resolved configuration as a flat map of dotted keys, for tables and diffs only:
 *                 logic reads the typed fields, never this map
 */
public record ConfigurationSetup(String id, String label, Map<String, String> axes, String backend, String device,
                                 String load, ModelInfo model, InputFeed feed, String baseline,
                                 Map<String, String> settings) {
    public ConfigurationSetup {
        axes = Ordered.copy(axes);
        settings = Ordered.copy(settings);
    }
}
