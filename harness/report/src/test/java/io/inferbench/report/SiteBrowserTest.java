package io.inferbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferbench.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * End to end: the report site built from the real cross-backend result (plus a nightly series
 * derived from it, the synthetic load-features run for the throughput-vs-latency chart, and the
 * hostile-names run) loads in headless Chromium with no console error, no CSP violation, no dialog
 * and no request other than its own files, with every required chart drawn. Screenshots go to
 * {@code target/site-screenshots/}.
 *
 * <p>Skips when Chromium is missing, unless {@code INFERBENCH_REQUIRE_BROWSER=1} (set by CI), which
 * makes a missing browser a failure.
 */
class SiteBrowserTest {
    private static final Path SITE = Path.of("target/site-browser");
    private static final Path SHOTS = Path.of("target/site-screenshots");

    /** Selector of each required chart, with the page that must draw it. */
    private static final Map<String, String> REQUIRED = Map.of(
            "svg.chart.latency-chart", "percentile distribution (log 1/(1-p) axis)",
            "svg.chart.timeline-chart", "latency and throughput over time",
            "svg.chart.bar-chart", "median latency and throughput bars with CI whiskers",
            "svg.chart.accuracy-chart", "accuracy vs latency with the Pareto front",
            "svg.chart.resource-chart", "CPU and memory over time");

    @Test
    void everyPageLoadsCleanlyWithItsCharts() throws Exception {
        Path chromium = HeadlessChromium.binary();
        if (chromium == null) {
            if ("1".equals(System.getenv("INFERBENCH_REQUIRE_BROWSER"))) {
                fail("INFERBENCH_REQUIRE_BROWSER=1 but there is no Chromium at " + HeadlessChromium.DEFAULT_BINARY
                        + " (install Debian's chromium, or set -Dinferbench.chromium=PATH)");
            }
            Assumptions.abort("no Chromium at " + HeadlessChromium.DEFAULT_BINARY
                    + ": the browser test is skipped (CI sets INFERBENCH_REQUIRE_BROWSER=1 to make this a failure)");
        }
        List<RunResult> runs = new ArrayList<>(SiteBuilderTest.history());
        // The real run (the last) on a machine with another onnxruntime: an environment change in the history.
        RunResult gated = SiteFixtures.withLibrary(runs.remove(runs.size() - 1), "onnxruntime", "1.99.0");
        runs.add(LoadFixtures.run());
        runs.add(ReportFixtures.run());
        List<SiteInput> inputs = new ArrayList<>();
        runs.forEach(r -> inputs.add(SiteInput.of(r, java.util.Optional.empty())));
        // ... and gated: one regression, one unchanged verdict.
        inputs.add(SiteInput.of(gated, java.util.Optional.of(SiteGateTest.gate(gated, false, List.of(
                SiteGateTest.verdict("model=minilm-fp32 backend=onnxruntime", "p99",
                        io.inferbench.result.GateRecord.Outcome.REGRESSION, 1.15),
                SiteGateTest.verdict("model=ocr-cls backend=tensorflow", "p50",
                        io.inferbench.result.GateRecord.Outcome.UNCHANGED, 1.01))))));
        runs.add(gated);
        new SiteBuilder(new ReportRenderer()).buildFrom(inputs, SITE);
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(SITE)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertTrue(pages.size() > 60, "pages: " + pages.size());
        String root = SITE.toAbsolutePath().toUri().toString();
        List<String> problems = new ArrayList<>();
        try (HeadlessChromium browser = new HeadlessChromium(chromium)) {
            browser.emulate("screen", "light");
            // The checks below can fail: a page whose inline script the CSP blocks is reported.
            Path bad = SITE.resolve("../site-browser-selfcheck.html");
            Files.writeString(bad, "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" "
                    + "content=\"default-src 'none'\"></head><body><script>document.title = 'ran';</script></body></html>");
            HeadlessChromium.PageLoad selfCheck = browser.open(bad.toAbsolutePath().toUri().toString());
            assertTrue(selfCheck.errors().stream().anyMatch(e -> e.contains("Content Security Policy")),
                    "a CSP violation is seen: " + selfCheck.errors());
            for (Path page : pages) {
                String url = page.toAbsolutePath().toUri().toString();
                HeadlessChromium.PageLoad load = browser.open(url);
                load.errors().forEach(e -> problems.add(SITE.relativize(page) + ": " + e));
                load.requests().stream().filter(r -> !r.startsWith(root))
                        .forEach(r -> problems.add(SITE.relativize(page) + ": requested " + r));
                assertTrue(load.requests().contains(url), "the page itself was loaded: " + load.requests());
                // Every chart on every page drew something.
                JsonNode empty = browser.evaluate("[...document.querySelectorAll('svg.chart')]"
                        + ".filter(s => s.getBoundingClientRect().width < 50 || s.querySelectorAll('*').length < 5)"
                        + ".length");
                if (empty.asInt() != 0) {
                    problems.add(SITE.relativize(page) + ": " + empty.asInt() + " chart(s) drew nothing");
                }
            }

            // The real run's page: every required chart.
            String real = SITE.resolve("runs/20261122-023509-cross-backend.html").toAbsolutePath().toUri().toString();
            browser.open(real);
            for (Map.Entry<String, String> chart : REQUIRED.entrySet()) {
                int n = browser.evaluate("document.querySelectorAll('" + chart.getKey() + "').length").asInt();
                assertTrue(n > 0, chart.getValue() + " (" + chart.getKey() + ") on the cross-backend run's page");
            }
            assertEquals(2, browser.evaluate("document.querySelectorAll('svg.accuracy-chart .point.front').length "
                    + "+ document.querySelectorAll('svg.accuracy-chart .point:not(.front)').length >= 2 ? 2 : 0").asInt());
            assertEquals(2, browser.evaluate("document.querySelectorAll('#gate table.gate-verdicts tbody tr').length")
                    .asInt(), "the gate's verdicts on the gated run's page");
            browser.screenshot(SHOTS.resolve("run.png"), 2400);
            browser.emulate("screen", "dark");
            browser.open(real);
            browser.screenshot(SHOTS.resolve("run-dark.png"), 1400);
            browser.emulate("print", "light");
            browser.open(real);
            browser.screenshot(SHOTS.resolve("run-print.png"), 1400);
            browser.emulate("screen", "light");

            // Throughput vs latency with the SLO line: the synthetic peak search's page.
            browser.open(SITE.resolve("runs/20261122-111500-load.html").toAbsolutePath().toUri().toString());
            assertTrue(browser.evaluate("document.querySelectorAll('svg.chart.tradeoff-chart').length").asInt() > 0,
                    "throughput vs latency chart");

            // History with the baseline band and the detected change.
            browser.open(SITE.resolve("scenarios/cross-backend.html").toAbsolutePath().toUri().toString());
            assertEquals(4, browser.evaluate("document.querySelectorAll('svg.chart.history-chart').length").asInt());
            assertTrue(browser.evaluate("document.querySelectorAll('svg.history-chart .baseline rect').length")
                    .asInt() >= 8, "baseline bands: one per segment, two segments per configuration");
            assertTrue(browser.evaluate("document.querySelectorAll('svg.history-chart .change').length").asInt() >= 4,
                    "the step is marked in every configuration");
            assertEquals(4, browser.evaluate("document.querySelectorAll('svg.history-chart .environment').length")
                    .asInt(), "the machine change is marked in every configuration");
            browser.screenshot(SHOTS.resolve("scenario.png"), 1600);
            browser.open(SITE.resolve("scenarios/p99/cross-backend.html").toAbsolutePath().toUri().toString());
            assertEquals(4, browser.evaluate("document.querySelectorAll('svg.chart.history-chart').length").asInt(),
                    "the p99 history page");

            // The index filters and sorts (its script ran under the CSP).
            browser.open(SITE.resolve("index.html").toAbsolutePath().toUri().toString());
            int all = browser.evaluate("document.querySelectorAll('#runs tbody tr').length").asInt();
            assertEquals(runs.size(), all);
            assertEquals(1, browser.evaluate("[...document.querySelectorAll('#runs td.gate-cell.failed')]"
                    + ".filter(c => c.textContent === 'FAILED 1 regression').length").asInt(), "the gate column");
            assertTrue(browser.evaluate("document.getElementById('shown').textContent").asText()
                    .startsWith(all + " of " + all));
            int filtered = browser.evaluate("(() => { const f = document.getElementById('filter-text');"
                    + " f.value = 'night-02'; f.dispatchEvent(new Event('input'));"
                    + " return [...document.querySelectorAll('#runs tbody tr')].filter(r => !r.hidden).length; })()")
                    .asInt();
            assertEquals(10, filtered, "runs matching night-02x");
            browser.evaluate("(() => { const f = document.getElementById('filter-text'); f.value = '';"
                    + " f.dispatchEvent(new Event('input')); })()");
            String firstBefore = browser.evaluate("document.querySelector('#runs tbody tr').dataset.run").asText();
            browser.evaluate("document.querySelector('button[data-sort=started]').click()");
            String firstAfter = browser.evaluate("document.querySelector('#runs tbody tr').dataset.run").asText();
            assertTrue(!firstBefore.equals(firstAfter), "sorting by date reversed the order");
            browser.evaluate("document.querySelector('button[data-sort=started]').click()");
            browser.screenshot(SHOTS.resolve("index.png"), 900);

            // The chooser compares two runs from its embedded data.
            browser.open(SITE.resolve("compare.html").toAbsolutePath().toUri().toString());
            assertTrue(browser.evaluate("document.querySelectorAll('#chosen tr').length").asInt() >= 7);
            assertTrue(browser.evaluate("document.getElementById('chosen').textContent").asText().contains("×"));
            browser.screenshot(SHOTS.resolve("compare.png"), 900);

            // A comparison page, and the hostile names: nothing executed (a dialog would be an error above).
            browser.open(SITE.resolve("compare").toAbsolutePath().toUri() + "20261122-023509-cross-backend-derived-"
                    + "night-021--vs--20261122-023509-cross-backend-derived-night-020.html");
            assertTrue(browser.evaluate("document.body.textContent").asText().contains("SLOWER"),
                    "night 21 is 15% slower than night 20");
            browser.screenshot(SHOTS.resolve("compare-previous.png"), 900);
            assertEquals(0, browser.evaluate("document.querySelectorAll('script').length").asInt());
        }
        assertEquals(List.of(), problems);
    }
}
