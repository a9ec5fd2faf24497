/**
 * Scenario files: YAML in, validated immutable {@code *Spec} records out. Every problem is
 * reported with its file, line, column and field path ({@link io.inferbench.scenario.ScenarioException}).
 */
package io.inferbench.scenario;
