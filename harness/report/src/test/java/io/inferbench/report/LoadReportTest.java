package io.inferbench.report;

import static io.inferbench.report.ReportRendererTest.chart;
import static io.inferbench.report.ReportRendererTest.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.PeakSearchResult;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of {@link LoadFixtures}: every load block and chart renders, escaped, with nothing executable. */
class LoadReportTest {
    private static String html;

    @BeforeAll
    static void render() throws IOException {
        RunResult run = LoadFixtures.run();
        html = new ReportRenderer().render(run);
        // Kept for a look in a browser: harness/report/target/report-load.html
        new ReportRenderer().write(run, Path.of("target", "report-load.html"));
    }

    @Test
    void fixturePeakSearchIsShapedAsDesigned() {
        PeakSearchResult p = LoadFixtures.run().configurations().get(1).phases().peak();
        assertEquals(List.of(true, true, false, true, true, true, false),
                p.probes().stream().map(PeakSearchResult.Probe::meetsSlo).toList());
    }

    @Test
    void nothingExecutableAndThePolicyIsIntact() {
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "raw <script in the report");
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">"));
        assertFalse(html.contains("script-src"));
        assertTrue(html.contains("# Problematic frame: &lt;script&gt;alert(&#39;stderr&#39;)&lt;/script&gt;"));
        assertFalse(html.contains(" on") && Pattern.compile("<[^>]+\\son[a-z]+=").matcher(html).find(),
                "no event handler attributes");
    }

    @Test
    void multiLineErrorIsPreformattedInTheDetailsAndOneLineInTheTable() {
        Matcher pre = Pattern.compile("<pre class=\"error\">([^<]*)</pre>").matcher(html);
        assertTrue(pre.find(), "no <pre class=\"error\">");
        String error = pre.group(1);
        assertTrue(error.startsWith(LoadFixtures.CRASH_REASON), error);
        assertTrue(error.contains("\n  #  SIGSEGV (0xb) at pc=0x00007f3a2c1a2b3c, pid=4242, tid=4243\n"), "lines kept");
        assertTrue(error.contains("c04-fork2.stderr.log"), "log path");
        String table = html.substring(html.indexOf("id=\"comparison\""), html.indexOf("</table>",
                html.indexOf("id=\"comparison\"")));
        assertTrue(table.contains(LoadFixtures.CRASH_REASON + " …"), "first line in the table");
        assertFalse(table.contains("Problematic frame"), "stderr tail only in the details");
        String headline = html.substring(html.indexOf("class=\"headline\""), html.indexOf("id=\"comparison\""));
        assertFalse(headline.contains("Problematic frame"), "stderr tail only in the details");
    }

    @Test
    void openLoopBlockShowsRatesScheduleAndOverload() {
        String d = details("c01");
        assertTrue(d.contains("<h4>Open loop"), d);
        assertTrue(d.contains("<b>40</b>target") && d.contains("<b>39.6</b>offered") && d.contains("completed"));
        assertTrue(d.contains(">OVERLOADED<"));
        assertTrue(d.contains("322 issued, 74 dropped (in-flight cap 64)"));
        assertTrue(d.contains("Scheduling lag p50 / p99 / max") && d.contains("0.0610 / 2.93 / 11.4 ms"));
        assertTrue(d.contains("41 of 396 (10.4%) more than 1.00 ms late"));
        assertTrue(d.contains("Queue delay p50 / p99") && d.contains("3.10 / 212 ms"));
    }

    @Test
    void batchingStabilityAndEarlyStoppingBlocks() {
        String d = details("c01");
        assertTrue(d.contains("<h4>Dynamic batching"));
        assertTrue(d.contains("4.18 queries per inference (at most 8)"));
        assertTrue(d.contains("77 inferences, waiting up to 2.00 ms for a batch to fill"));
        assertEquals(8, count(d, "class=\"bar\""), "one bar per batch size");
        assertTrue(d.contains("<h4>Stability</h4>") && d.contains(">UNSTABLE<"));
        assertTrue(d.contains("last 3 windows within 10% of their mean on throughput and p99"), "the rule");
        assertTrue(d.contains("last 3 windows differ by 4.2% on throughput and 23.5% on p99 (limit 10%)"));
        assertTrue(d.contains("<h4>Early-stopping estimates</h4>"));
        assertTrue(d.contains("61.8") && d.contains("322 / 44") && d.contains("322 / 662"));
        assertTrue(d.contains(">✓ enough<") && d.contains(">too few<"));
    }

    @Test
    void forksTableAndVariation() {
        String d = details("c03");
        assertTrue(d.contains("<h4>Forks</h4>"));
        String table = d.substring(d.indexOf("<h4>Forks</h4>"));
        table = table.substring(0, table.indexOf("</table>"));
        assertEquals(3, count(table, "<tr>") - 1, "one row per fork");
        assertTrue(d.contains("Mean p50 latency across 3 forks"));
        assertTrue(d.contains("Between forks (CV)") && d.contains("Within a fork (CV)"));
        assertTrue(d.contains(">STABLE<") && d.contains(">Fork 3<")
                && d.contains("stable: last 3 windows within 3.1%"));
        assertTrue(d.contains("3 forks merged"));
    }

    @Test
    void peakSearchInHeadlineDetailsAndChart() {
        assertTrue(html.contains("Peak rate under p99 ≤ 50 ms:"), "headline finding");
        assertTrue(html.contains("37.5 q/s (7 probes)"));
        assertTrue(html.contains("The next load tried, 38.75 q/s, missed it"), "loads exactly as tried");
        String d = details("c02");
        assertTrue(d.contains("<h4>Peak search</h4>") && d.contains("p99 ≤ 50 ms"));
        assertEquals(5, count(d, "● met"));
        assertEquals(2, count(d, "✕ missed"));
        assertTrue(html.contains("<h2>Throughput vs latency</h2>"));
        String svg = chart(html, "tradeoff-chart");
        assertTrue(svg.contains("role=\"img\" aria-label=\"Throughput against p99 latency for every probe"));
        assertEquals(5 + 1, count(svg, "fill=\"" + SvgTradeoffChart.MET + "\""), "5 met probes and the legend");
        assertEquals(2 + 1, count(svg, "stroke=\"" + SvgTradeoffChart.MISSED + "\""), "2 missed and the legend");
        assertTrue(svg.contains("stroke-dasharray=\"7 5\""), "dashed objective line");
        assertTrue(svg.contains(">objective p99 ≤ 50 ms<"));
        assertTrue(svg.contains(">peak 37.5 q/s<"));
        assertTrue(svg.contains(">Achieved throughput (queries/s)<") && svg.contains(">p99 latency (ms)<"));
    }

    @Test
    void concurrencyStepsAreJoinedInASecondChart() {
        assertTrue(html.contains("Concurrency steps: throughput against p99 latency"));
        int at = html.indexOf("Concurrency steps:");
        String svg = html.substring(html.indexOf("<svg", at), html.indexOf("</svg>", at));
        assertTrue(svg.contains(">c=1<") && svg.contains(">c=4<"), "steps are labelled");
        assertTrue(svg.contains(">precision=int8<"), "the line is named by the shared axes");
        assertFalse(html.contains("Rate steps:"), "a single rate step is no sweep");
    }

    @Test
    void everyMeasuredConfigurationHasATimelineWithItsWarmupShaded() {
        assertTrue(html.contains("<h2>Over time</h2>"));
        assertEquals(5, count(html, "class=\"chart timeline-chart\""), "one per measured configuration");
        String svg = chart(html, "timeline-chart");
        assertTrue(svg.contains("fill-opacity=\"0.08\""), "the warmup band");
        assertTrue(svg.matches("(?s).*>warmup( \\(excluded\\))?<.*") && svg.contains(">warmup, excluded<"),
                "band label and legend");
        assertTrue(svg.contains(">Latency (ms)<") && svg.contains(">Throughput (queries/s)<"));
        assertTrue(svg.contains(">Time since the measurement started (s)<"));
        assertTrue(html.contains("The first of 3 forks (6.2 s of the 18.8 s measured) in 1 s intervals")
                && html.contains("The peak probe (37.5 q/s)."));
        assertTrue(Pattern.compile(">−\\d").matcher(html).find(), "warmup at negative times");
    }

    @Test
    void problemsNameOverloadUnstableAndFailureOnce() {
        String headline = html.substring(html.indexOf("class=\"headline\""), html.indexOf("id=\"comparison\""));
        assertTrue(headline.contains(">OVERLOADED<") && headline.contains("74 were dropped (offered 39.6 q/s"));
        assertTrue(headline.contains(">UNSTABLE<"));
        assertTrue(headline.contains("too few queries for a p99 estimate"), "the remaining INVALID reason");
        assertFalse(headline.contains("overloaded: more than 64"), "said once, with figures");
        assertTrue(headline.contains(LoadFixtures.CRASH_REASON));
    }

    @Test
    void everyChartIsLabelledAndCaptioned() {
        int svgs = count(html, "<svg ");
        assertEquals(svgs, count(html, "role=\"img\" aria-label=\""), "every chart has an accessible name");
        assertEquals(svgs, count(html, "<figcaption"), "every chart has a caption");
    }

    @Test
    void newFieldsSurviveTheJsonDocument(@TempDir Path dir) throws IOException {
        RunResult run = LoadFixtures.run();
        Path file = dir.resolve("result.json");
        ResultJson.write(run, file);
        RunResult read = ResultJson.read(file);
        ConfigurationResult open = read.configurations().get(0);
        assertEquals(run.configurations().get(0).measurement().batching(), open.measurement().batching());
        assertEquals(new ReportRenderer().render(run), new ReportRenderer().render(read));
    }

    /** The detail card of configuration {@code id}. */
    private static String details(String id) {
        int start = html.indexOf("id=\"config-" + id + "\"");
        assertTrue(start > 0, "no details for " + id);
        int end = html.indexOf("class=\"card config\"", start + 1);
        return html.substring(start, end < 0 ? html.indexOf("id=\"environment\"") : end);
    }
}
