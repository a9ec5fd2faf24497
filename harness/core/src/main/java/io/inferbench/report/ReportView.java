package io.inferbench.report;

import java.util.List;

/**
 * Everything a report template shows, already formatted: the template variable {@code report}.
 * Strings are plain text that templates must escape ({@code th:text}); only {@link Charts}
 * holds markup (SVG from {@link Svg}, which escapes its own text).
 *
 * @param title               page title
 * @param runId               run id
 * @param started             start time
 * @param duration            wall time of the run
 * @param hostname            machine it ran on
 * @param scenarioName        scenario name
 * @param scenarioDescription scenario description, or null
 * @param headline            the answer in a few lines
 * @param percentiles         column headings of the percentile columns, e.g. {@code p99.9}
 * @param configurations      one entry per configuration, in matrix order
 * @param charts              the charts
 * @param environment         machine and software rows
 * @param libraries           library name and version rows
 * @param scenario            scenario file rows (path, hash)
 * @param scenarioSource      the scenario file's text, verbatim
 */
record ReportView(String title, String runId, String started, String duration, String hostname,
                  String scenarioName, String scenarioDescription, Headline headline, List<String> percentiles,
                  List<ConfigurationView> configurations, Charts charts, List<KeyValue> environment,
                  List<KeyValue> libraries, List<KeyValue> scenario, String scenarioSource) {
    /**
     * The charts, as SVG markup produced by {@link Svg}.
     *
     * @param latency    the percentile distribution of every measured configuration
     * @param median     median latency per configuration with 95% CI whiskers
     * @param throughput throughput per configuration
     * @param any        false when nothing was measured, so there is nothing to plot
     */
    record Charts(String latency, String median, String throughput, boolean any) {
    }
}
