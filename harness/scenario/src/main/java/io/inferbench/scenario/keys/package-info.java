/**
 * The scenario format, defined once: every section and key with its type, default, range and
 * description ({@link io.inferbench.scenario.keys.ScenarioKeys} and the other {@code *Keys}
 * classes). The binders in {@code io.inferbench.scenario} read files by these definitions and
 * {@code io.inferbench.scenario.schema} generates the published JSON Schema from them, so the two
 * cannot disagree. Backend and evaluator options are not here: each plug-in declares its own
 * {@link io.inferbench.api.OptionSpec}s.
 */
package io.inferbench.scenario.keys;
