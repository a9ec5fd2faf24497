/**
 * A run's figures, and optionally its gate's verdicts, in the formats CI systems read: JUnit XML
 * (Jenkins, GitLab), a Markdown step summary (GitHub), github-action-benchmark and Bencher JSON, JMH's
 * JSON result shape, CSV and OpenMetrics text. {@link io.inferbench.export.Exporter} is the entry point;
 * {@link io.inferbench.export.ExportFormat} the closed set of formats. Reads records only; runs and
 * judges nothing.
 */
package io.inferbench.export;
