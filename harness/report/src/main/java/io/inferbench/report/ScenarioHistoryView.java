package io.inferbench.report;

import java.util.List;

/**
 * A scenario's history across runs for one metric; template variable {@code history} of
 * {@code site-scenario.html}.
 *
 * @param title       page title
 * @param name        scenario name
 * @param runs        how many runs
 * @param metric      the metric this page follows, in words (e.g. {@code median latency})
 * @param metrics     links to the scenario's page of each metric, this one marked current
 * @param changes     the detected changes of every metric, this page's metric first
 * @param environment one line per change of machine fingerprint between consecutive runs; empty when none
 * @param hasAccuracy whether the runs have an accuracy metric (the tables show its column)
 * @param tables      whether the page holds the per-run tables (the median's page, which has every metric's
 *                    column); the other metrics' pages link to them ({@link Series#tableHref})
 * @param series      one per configuration label, in order of first appearance
 */
record ScenarioHistoryView(String title, String name, int runs, String metric, List<MetricLink> metrics,
                           List<MetricChanges> changes, List<String> environment, boolean hasAccuracy,
                           boolean tables, List<Series> series) {
    /** A link to the history page of one metric; {@code current} on the page itself. */
    record MetricLink(String label, String href, boolean current) {
    }

    /**
     * One metric's detected changes.
     *
     * @param metric in words, e.g. {@code p99 latency}
     * @param lines  one per change, biggest first (plain text); empty when none
     */
    record MetricChanges(String metric, List<String> lines) {
    }

    /**
     * One configuration's history.
     *
     * @param label       configuration label
     * @param anchor      id of its section, from {@link SitePaths}
     * @param colour      series colour
     * @param svg         the history chart, SVG markup from {@link Svg}
     * @param caption     what the chart shows, plain text
     * @param rows        the same figures as a table, oldest first
     * @param rowsHtml    those rows as HTML ({@link HistoryTableRows}), what the template writes
     * @param environment the changes of machine fingerprint in this series, as a table; empty when none
     * @param tableHref   this configuration's table of every figure on the median's page
     */
    record Series(String label, String anchor, String colour, String svg, String caption, List<Row> rows,
                  String rowsHtml, List<EnvironmentRow> environment, String tableHref) {
    }

    /**
     * One run of one configuration.
     *
     * @param href     the run's page
     * @param runId    run id
     * @param started  start time
     * @param machine  the machine fingerprint's id
     * @param status   VALID, INVALID, FAILED or SKIPPED
     * @param p50      median, ms, with its CI below
     * @param p50Ci    its 95% CI, or empty
     * @param p99      p99, ms
     * @param qps      throughput
     * @param accuracy the first accuracy task's main metric, or {@code —}
     * @param change   this page's metric's change from this run, e.g. {@code +12.3% (p = 0.005)}; else null
     * @param environment {@code environment changed} on the first run on a new fingerprint; else null
     * @param statusClass the status as a CSS class ({@code no-verdict})
     */
    record Row(String href, String runId, String started, String machine, String status, String p50, String p50Ci,
               String p99, String qps, String accuracy, String change, String environment, String statusClass) {
    }

    /**
     * A change of machine fingerprint.
     *
     * @param href        the first run on the new fingerprint
     * @param runId       its run id
     * @param started     its start time
     * @param fingerprints before → after ids
     * @param differences what changed ({@code MachineFingerprint.Difference.describe()}, joined)
     */
    record EnvironmentRow(String href, String runId, String started, String fingerprints, String differences) {
    }
}
