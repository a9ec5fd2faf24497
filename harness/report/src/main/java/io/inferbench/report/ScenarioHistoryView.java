package io.inferbench.report;

import java.util.List;

/**
 * A scenario's history across runs; template variable {@code history} of {@code site-scenario.html}.
 *
 * @param title   page title
 * @param name    scenario name
 * @param runs    how many runs
 * @param changes one line per detected change, biggest first (plain text); empty when none
 * @param series  one per configuration label, in order of first appearance
 */
record ScenarioHistoryView(String title, String name, int runs, List<String> changes, List<Series> series) {
    /**
     * One configuration's history.
     *
     * @param label   configuration label
     * @param anchor  id of its section, from {@link SitePaths}
     * @param colour  series colour
     * @param svg     the history chart, SVG markup from {@link Svg}
     * @param caption what the chart shows, plain text
     * @param rows    the same figures as a table, oldest first
     */
    record Series(String label, String anchor, String colour, String svg, String caption, List<Row> rows) {
    }

    /**
     * One run of one configuration.
     *
     * @param href    the run's page
     * @param runId   run id
     * @param started start time
     * @param status  VALID, INVALID, FAILED or SKIPPED
     * @param p50     median, ms, with its CI below
     * @param p50Ci   its 95% CI, or empty
     * @param p99     p99, ms
     * @param qps     throughput
     * @param change  e.g. {@code +12.3% (p = 0.005)} on the first run after a change, else null
     */
    record Row(String href, String runId, String started, String status, String p50, String p50Ci, String p99,
               String qps, String change) {
    }
}
