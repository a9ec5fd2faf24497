package io.inferbench.report;

import java.util.List;

/**
 * Two runs compared configuration by configuration (matched by label); template variable
 * {@code comparison} of {@code site-compare.html}.
 *
 * @param title     page title
 * @param candidate the newer run's id
 * @param candidateHref its page
 * @param baseline  the older run's id
 * @param baselineHref its page
 * @param rows      one per configuration label in either run
 */
record RunComparisonView(String title, String candidate, String candidateHref, String baseline,
                         String baselineHref, List<Row> rows) {
    /**
     * One configuration.
     *
     * @param label        configuration label
     * @param baselineP50  the older run's median (ms) or its status
     * @param candidateP50 the newer run's median (ms) or its status
     * @param ratio        candidate / baseline median, e.g. {@code 1.08×}, or a dash
     * @param ratioCi      its 95% bootstrap interval, or null
     * @param p99Ratio     candidate / baseline p99
     * @param verdict      FASTER, SLOWER, EQUIVALENT, INCONCLUSIVE, or why there is none
     * @param verdictClass CSS class of the verdict badge
     * @param summary      the comparison in one sentence, or null
     */
    record Row(String label, String baselineP50, String candidateP50, String ratio, String ratioCi, String p99Ratio,
               String verdict, String verdictClass, String summary) {
    }
}
