/**
 * The result model: what a run measured, as immutable records that serialise to the versioned
 * JSON document ({@link io.inferbench.result.RunResult#SCHEMA}). Knows nothing of HTML.
 * Latencies are in milliseconds and every field carrying a unit names it ({@code p99Ms}).
 */
package io.inferbench.result;
