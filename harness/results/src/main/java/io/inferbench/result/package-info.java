/**
 * The result model: what a run measured, as immutable records that serialise to the versioned
 * JSON document ({@link io.inferbench.result.RunResult#SCHEMA}). Knows nothing of HTML.
 * Latencies are in milliseconds and every field carrying a unit names it ({@code p99Ms}).
 *
 * <p>A run's measured configurations ({@link io.inferbench.result.ConfigurationResult}: setup,
 * session, a sealed outcome, phases, resources, accuracy) stand apart from what is derived from them
 * ({@link io.inferbench.result.RunSummary}). Logic reads typed fields; a configuration's
 * {@code settings} map is for display only. {@link io.inferbench.result.ResultJson} reads every
 * schema so far, upgrading older documents on the way.
 */
package io.inferbench.result;
