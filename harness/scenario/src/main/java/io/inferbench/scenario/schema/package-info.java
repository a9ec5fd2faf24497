/**
 * The scenario format's JSON Schema, generated ({@link io.inferbench.scenario.schema.SchemaGenerator})
 * from the key definitions of {@code io.inferbench.scenario.keys} and the options installed
 * backends and evaluators declare. The published {@code scenarios/scenario.schema.json} is its output.
 */
package io.inferbench.scenario.schema;
