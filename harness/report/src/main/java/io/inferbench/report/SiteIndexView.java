package io.inferbench.report;

import java.util.List;

/**
 * The site's index of runs; template variable {@code index} of {@code site-index.html}.
 *
 * @param title     page title
 * @param generated when the site was built
 * @param runs      one row per run, newest first
 * @param scenarios one row per scenario, by name
 */
record SiteIndexView(String title, String generated, List<Row> runs, List<ScenarioRow> scenarios) {
    /**
     * One run.
     *
     * @param href        its page
     * @param runId       run id
     * @param started     start time, e.g. {@code 2026-11-22 10:15:00 UTC}
     * @param sortKey     start time as ISO-8601, for sorting
     * @param scenario    scenario name
     * @param scenarioHref its history page
     * @param machine     host name and CPU model
     * @param configurations number of configurations
     * @param valid       VALID measurements
     * @param invalid     INVALID measurements
     * @param failed      FAILED configurations
     * @param skipped     SKIPPED configurations
     * @param recommended the recommended configuration's label, or null
     * @param previousHref the comparison with the previous run of the scenario, or null for its first run
     * @param changes     changes detected at this run in the scenario's history (every metric), e.g. {@code 1}
     * @param environmentChanged whether this run is the first of its scenario on a new machine fingerprint
     * @param gate        the gate's outcome: {@code passed}, {@code FAILED 2 regressions}, {@code not gated},
     *                    {@code gate record unreadable}
     * @param gateClass   CSS class of that outcome: {@code valid}, {@code failed}, {@code invalid}, {@code skipped}
     * @param gateOrder   sort key of the outcome: failed first (-regressions), then unreadable, passed, not gated
     */
    record Row(String href, String runId, String started, String sortKey, String scenario, String scenarioHref,
               String machine, int configurations, int valid, int invalid, int failed, int skipped,
               String recommended, String previousHref, int changes, boolean environmentChanged, String gate,
               String gateClass, int gateOrder) {
    }

    /**
     * One scenario.
     *
     * @param href    its history page
     * @param name    scenario name
     * @param runs    runs of it
     * @param latest  start time of its newest run
     * @param changes changes detected in its history
     */
    record ScenarioRow(String href, String name, int runs, String latest, int changes) {
    }
}
