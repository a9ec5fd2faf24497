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
 * @param columns             which of the backend, device and load columns the comparison table shows
 * @param shared              backend, device or load when every configuration has the same one
 *                            (shown once above the table instead of in a column); may be empty
 * @param configurations      one entry per configuration, in matrix order
 * @param analysis            comparisons against the baseline and the recommendation
 * @param resources           one row per configuration that recorded utilization or cold start; may be empty
 * @param charts              the charts
 * @param environment         machine and software rows
 * @param libraries           library name and version rows
 * @param scenario            scenario file rows (path, hash)
 * @param scenarioSource      the scenario file's text, verbatim
 */
record ReportView(String title, String runId, String started, String duration, String hostname,
                  String scenarioName, String scenarioDescription, Headline headline, List<String> percentiles,
                  Columns columns, List<KeyValue> shared, List<ConfigurationView> configurations,
                  AnalysisView analysis, List<ResourcesView.Row> resources, Charts charts, List<KeyValue> environment,
                  List<KeyValue> libraries, List<KeyValue> scenario, String scenarioSource) {
    /**
     * The comparison table's optional columns: a column whose value is the same in every row says
     * nothing per row and pushes the figures off narrow screens, so it is shown once above instead.
     *
     * @param backend show the backend column
     * @param device  show the device column
     * @param load    show the load column
     */
    record Columns(boolean backend, boolean device, boolean load) {
    }

    /**
     * The charts, as SVG markup produced by {@link Svg}.
     *
     * @param latency    the percentile distribution of every measured configuration
     * @param median     median latency per configuration with 95% CI whiskers
     * @param throughput throughput per configuration
     * @param any        false when nothing was measured, so there is nothing to plot
     * @param tradeoffs  throughput against latency: one per group of peak searches and one per
     *                   concurrency or rate sweep; empty when the run has neither
     * @param timelines  latency and throughput over time, one per configuration with a timeline
     * @param resources  CPU and memory over time, one per configuration with a utilization timeline
     * @param accuracy   accuracy against latency with the Pareto front, one per reference configuration
     *                   that others were compared with; empty without agreement results
     */
    record Charts(String latency, String median, String throughput, boolean any, List<Figure> tradeoffs,
                  List<Figure> timelines, List<Figure> resources, List<Figure> accuracy) {
    }

    /**
     * A chart with its own heading and caption.
     *
     * @param title   heading, plain text
     * @param colour  the configuration's series colour for a swatch beside the title, or null
     * @param svg     the chart, SVG markup from {@link Svg}
     * @param caption what it shows, plain text
     */
    record Figure(String title, String colour, String svg, String caption) {
    }
}
