package io.inferbench.report;

/**
 * Links from a site page back to the rest of the site, relative to that page; template variable
 * {@code site}. Every href is built from {@link SitePaths} names, never from raw result text.
 *
 * @param home         the index of runs
 * @param chooser      the comparison chooser
 * @param scenario     the run's scenario history page, or null on pages that are not a run's
 * @param scenarioName that scenario's name, plain text, or null
 * @param previous     the comparison of this run with the previous run of its scenario, or null
 * @param current      which page this is: {@code index}, {@code run}, {@code scenario}, {@code compare}
 */
record SiteNav(String home, String chooser, String scenario, String scenarioName, String previous, String current) {
}
