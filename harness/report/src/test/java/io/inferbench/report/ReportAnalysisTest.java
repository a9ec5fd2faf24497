package io.inferbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.ComparisonBasis;
import io.inferbench.result.ComparisonResult;
import io.inferbench.result.ComparisonVerdict;
import io.inferbench.api.Interval;
import io.inferbench.result.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analysed parts of the report: the recommendation and biggest differences leading the
 * headline, the Comparisons and Recommendation sections, and each configuration's resources and
 * cold start with its CPU and memory chart ({@link ReportFixtures}).
 */
class ReportAnalysisTest {
    private static final String ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;";
    private static final Path GOLDEN = Path.of("src", "test", "resources", "report", "resource-chart.svg");
    private static String html;

    @BeforeAll
    static void render() throws IOException {
        html = new ReportRenderer().render(ReportFixtures.run());
        new ReportRenderer().write(ReportFixtures.run(), Path.of("target", "report-analysis.html"));
    }

    @Test
    void noScriptAnywhereAndTheCspIsIntact() {
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "raw <script in the report");
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">"));
        assertFalse(html.contains("script-src"));
    }

    @Test
    void headlineOpensWithTheRecommendationThenTheBiggestDifferences() {
        String headline = section(html, "class=\"headline\"");
        int recommended = headline.indexOf("Recommended:");
        int difference = headline.indexOf(ReportFixtures.COMPARISON_SUMMARY);
        int finding = headline.indexOf("Lowest median latency:");
        assertTrue(recommended > 0, headline);
        assertTrue(recommended < difference && difference < finding, "recommendation, differences, then findings");
        String lead = headline.substring(recommended, difference);
        assertTrue(lead.contains("precision=int8 " + ESCAPED_SCRIPT), lead);
        assertTrue(lead.contains(ReportFixtures.RECOMMENDATION_REASON), lead);
        assertTrue(lead.contains("Objective: lowest p99 latency; constraints: p99 ≤ 50 ms, valid measurement."), lead);
        assertTrue(headline.contains("Biggest differences (95% CI):"));
    }

    @Test
    void comparisonsTableShowsRatiosVerdictTestsAndBasis() {
        String table = section(html, "id=\"comparisons\"");
        assertTrue(table.contains("<h2>Comparisons</h2>"));
        for (String s : List.of(">0.625×<", ">0.619–0.631<", ">0.716×<", ">0.690–0.741<",
                "class=\"badge faster\">FASTER<", "within ±5%", ">&lt; 0.001<", ">−0.71<", ">large<",
                ">within-run bootstrap<", ">20,000 / 20,000 samples<", "href=\"#config-c02\"", "href=\"#config-c01\"",
                "precision=int8 " + ESCAPED_SCRIPT, "precision=fp32 threads=4")) {
            assertTrue(table.contains(s), s + " missing in\n" + table);
        }
    }

    /** A run that recorded compare: settings and Holm-adjusted p-values, and a text encoder's pooled agreement. */
    @Test
    void comparisonSettingsHolmAndPooledAgreementAreStated() {
        RunResult run = ReportFixtures.run();
        var summary = run.summary();
        var adjusted = summary.comparisons().stream().map(c -> c.withHolmAdjustedP(0.0123)).toList();
        var agreements = List.of(new io.inferbench.result.AgreementResult("c02", "c01", "last_hidden_state", 64, 1.2,
                0.05, 0.894, 0.85, Double.NaN, 0.9912, 0.9801));
        String page = new ReportRenderer().render(run.withSummary(new io.inferbench.result.RunSummary(adjusted,
                summary.recommendation(), agreements, List.of(),
                io.inferbench.result.ComparisonSettings.of("p99", 2.5, 3))));
        String table = section(page, "id=\"comparisons\"");
        for (String s : List.of(">p99 ratio<", "Holm-adjusted<", ">0.012<", ">raw &lt; 0.001<",
                "Compared on the p99 with a ±2.5% equivalence margin (scenario key compare); Mann–Whitney p-values "
                        + "Holm-adjusted over 3 comparisons")) {
            assertTrue(table.contains(s), s + " missing in\n" + table);
        }
        String agreement = section(page, "id=\"agreement\"");
        for (String s : List.of("Pooled cosine", "Raw cosine", ">0.991200<", ">0.980100<", ">0.894000<")) {
            assertTrue(agreement.contains(s), s + " missing in\n" + agreement);
        }
        // A result without the settings (written before them): no sentence, the median heading, raw p only.
        String old = section(html, "id=\"comparisons\"");
        assertTrue(old.contains(">Median ratio<") && !old.contains("Holm") && !old.contains("Compared on"), old);
    }

    @Test
    void recommendationSectionListsTheParetoFrontAndEveryLoserWithItsReason() {
        String rec = section(html, "id=\"recommendation\"");
        assertTrue(rec.contains("<h2>Recommendation</h2>"));
        assertTrue(rec.contains("Pareto front"));
        assertTrue(rec.contains(">lowest p99 latency<"));
        assertTrue(rec.contains(">p99 ≤ 50 ms<"));
        assertTrue(rec.contains(" · recommended"), "the best is marked on the front");
        assertTrue(rec.contains(ReportFixtures.LOSER_REASON.replace(">", "&gt;")), rec);
        assertTrue(rec.contains("FAILED: failed to load &quot;model.onnx&quot;: " + ESCAPED_SCRIPT), rec);
        assertTrue(rec.contains("precision=fp16 ../../etc/passwd"), "losers by label");
    }

    @Test
    void everyConfigurationShowsResourcesAndColdStart() {
        String fast = section(html, "id=\"config-c02\"");
        for (String s : List.of("<h4>Resources</h4>", "Process CPU, mean / max", ">367% / 403% of one core<",
                ">23.0% of 16 cores<", "Peak RSS", ">238 MiB<", "Heap used, mean / max", ">55.0 MiB / 69.0 MiB<",
                ">12 ms<", "Threads, max", ">332 J (41.5 W mean)<", "Energy per inference (measurement)", ">0.0114 J<",
                "<h4>Cold start</h4>", "Model load", ">298 ms<", ">21.7 ms<", ">not reached<", ">25.0 MiB<")) {
            assertTrue(fast.contains(s), s + " missing in\n" + fast);
        }
        String slow = section(html, "id=\"config-c01\"");
        assertTrue(slow.contains("Not available on this machine:"));
        assertTrue(slow.contains("(" + ESCAPED_SCRIPT + "; run as root or chmod it)"), "note verbatim, escaped");
        assertFalse(slow.contains("Energy per inference"), "no energy, no per-inference row");
        assertTrue(slow.contains(">2.1 s<"), "time to steady state");
    }

    @Test
    void resourcesTableHasOneRowPerConfigurationWithPeakRssAndLoadTime() {
        String table = section(html, "id=\"resources\"");
        assertTrue(table.contains("Resources per configuration"));
        assertEquals(2, ReportRendererTest.count(table.substring(0, table.indexOf("</table>")), "<tr>") - 2,
                "two header rows and one row per configuration with resources");
        for (String s : List.of(">416 MiB<", ">238 MiB<", ">412 ms<", ">298 ms<", ">0.0114 J<", ">38.2 ms<")) {
            assertTrue(table.contains(s), s + " missing");
        }
    }

    @Test
    void resourceChartPerConfigurationFollowsTheChartConventions() {
        String table = section(html, "id=\"resources\"");
        assertEquals(2, ReportRendererTest.count(table, "class=\"chart resource-chart\""));
        String svg = ReportRendererTest.chart(html, "resource-chart");
        assertTrue(svg.contains("role=\"img\" aria-label=\"Process CPU (% of one core), resident set size"));
        assertTrue(svg.contains("<title>"));
        for (String s : List.of(">CPU (% of one core)<", ">Memory (MiB)<", ">Time since sampling started (s)<",
                ">load<", ">warmup<", ">measurement<", ">CPU<", ">RSS<", ">heap used<", "class=\"cpu\"")) {
            assertTrue(svg.contains(s), s + " missing in\n" + svg);
        }
        assertEquals(3, ReportRendererTest.count(svg, "stroke-dasharray=\"2 2\""), "a dashed line per phase start");
        assertTrue(table.contains("<figcaption>Sampled every 0.5 s for 8.0 s"), "caption");
        assertTrue(html.contains("svg.chart .cpu { stroke: #56B4E9; }"), "dark mode lightens the CPU line");
    }

    @Test
    void resourceChartMatchesTheGoldenFile() throws IOException {
        String svg = ReportViewFactory.create(ReportFixtures.run()).charts().resources().get(0).svg() + "\n";
        if (Boolean.getBoolean("inferbench.updateGolden")) {
            Files.writeString(GOLDEN, svg, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), svg);
    }

    @Test
    void aRunNotAnalysedShowsNeitherSection() {
        RunResult plain = LoadFixtures.run();
        String page = new ReportRenderer().render(plain);
        assertFalse(page.contains("id=\"comparisons\""));
        assertFalse(page.contains("id=\"recommendation\""));
        assertFalse(page.contains("id=\"resources\""));
        assertFalse(page.contains("Recommended:"));
        assertNull(ReportViewFactory.create(plain).headline().recommendation());
    }

    @Test
    void biggestDifferencesComeFirstAndAtMostThree() {
        List<String> d = AnalysisView.biggestDifferences(List.of(comparison(1.05, "small"), comparison(0.5, "halved"),
                comparison(1.9, "nearly doubled"), comparison(Double.NaN, "unknown"), comparison(0.8, "a fifth less"),
                comparison(3.0, null)));
        assertEquals(List.of("halved", "nearly doubled", "a fifth less"), d);
    }

    @Test
    void noRecommendedConfigurationSaysWhy() {
        Headline h = Headline.of(List.of(), List.of(), new io.inferbench.result.RecommendationResult(null,
                "no configuration meets p99 ≤ 5 ms", null, List.of(), List.of(), List.of()), java.util.Map.of());
        assertNotNull(h.recommendation());
        assertEquals("none", h.recommendation().configuration());
        assertEquals("no configuration meets p99 ≤ 5 ms", h.recommendation().detail());
    }

    @Test
    void numbersAreFormattedForPeople() {
        assertEquals("0.625×", AnalysisView.ratio(0.625));
        assertEquals("1.62×", AnalysisView.ratio(1.6213));
        assertEquals("12.4×", AnalysisView.ratio(12.43));
        assertEquals("—", AnalysisView.ratio(Double.NaN));
        assertEquals("0.980–1.02 †", AnalysisView.ratioRange(new Interval(0.98, 1.02, false)));
        assertEquals("< 0.001", AnalysisView.pValue(1e-9));
        assertEquals("0.0042", AnalysisView.pValue(0.0042));
        assertEquals("0.340", AnalysisView.pValue(0.34));
        assertEquals("−0.48", AnalysisView.signed(-0.48));
        assertEquals("+0.12", AnalysisView.signed(0.12));
        assertEquals("0.00", AnalysisView.signed(-0.001));
    }

    private static ComparisonResult comparison(double ratio, String summary) {
        Interval ci = new Interval(ratio * 0.99, ratio * 1.01, true);
        return new ComparisonResult("a", "b", "p50", ratio, ci, ratio, ci, 0, 0.5, 0, "negligible",
                ComparisonVerdict.INCONCLUSIVE, 5, ComparisonBasis.FORKS, ratio, ci, ci, 3, 3, 100, 100, 1000, summary);
    }

    /** From the element holding {@code marker} to the end of its {@code <section>}. */
    private static String section(String page, String marker) {
        int at = page.indexOf(marker);
        assertTrue(at > 0, marker + " missing");
        int start = page.lastIndexOf("<section", at);
        int end = page.indexOf("</section>", at);
        // Nested sections: the details card is a section inside #details, which holds no other.
        return page.substring(start, end);
    }
}
