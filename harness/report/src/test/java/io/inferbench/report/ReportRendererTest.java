package io.inferbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportRendererTest {
    private static final String ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;";
    private static String html;

    @BeforeAll
    static void render() throws IOException {
        RunResult run = ReportFixtures.run();
        html = new ReportRenderer().render(run);
        // Kept for a look in a browser: harness/report/target/report-fixture.html
        new ReportRenderer().write(run, Path.of("target", "report-fixture.html"));
    }

    @Test
    void hostileTextIsEscapedAndNoScriptIsEmitted() {
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "raw <script in the report");
        assertTrue(html.contains(ESCAPED_SCRIPT), "escaped label missing");
        assertTrue(html.contains("&quot;&#39;../"), "escaped quotes missing");
        assertFalse(html.contains("\"'../"), "unescaped quotes in the report");
        assertTrue(html.contains("precision=fp16 ../../etc/passwd"), "label with ../ must show literally");
    }

    @Test
    void declaresAContentSecurityPolicyThatForbidsScripts() {
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "style-src 'unsafe-inline'; img-src data:;"), "CSP meta missing");
        assertFalse(html.contains("unsafe-eval"));
        assertFalse(html.contains("script-src"), "no script may be allowed: the report has none");
    }

    @Test
    void latencyChartHasOnePathPerMeasuredConfiguration() {
        assertTrue(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""), "no inline SVG");
        assertEquals(2, count(chart(html, "latency-chart"), "<path "), "one line per OK configuration");
        assertTrue(html.contains("role=\"img\" aria-label=\"Latency percentile distribution"));
        for (String tick : List.of(">0%<", ">90%<", ">99%<", ">99.9%<", ">99.99%<")) {
            assertTrue(html.contains(tick), "x tick " + tick);
        }
        assertTrue(html.contains(">Latency (ms)<"), "y axis title");
        assertTrue(count(html, "<figcaption>") >= 3, "every chart has a caption");
    }

    @Test
    void failedConfigurationShowsItsReason() {
        String reason = "failed to load &quot;model.onnx&quot;: " + ESCAPED_SCRIPT + " in ../models";
        assertTrue(html.contains(reason), "failure reason missing or not escaped");
        assertTrue(html.contains(">FAILED<"), "FAILED badge missing");
        assertTrue(html.contains("3 configurations: 2 valid, 1 failed."), "headline summary");
    }

    @Test
    void headlineNamesTheFastestValidConfigurationWithItsInterval() {
        int headline = html.indexOf("Lowest median latency:");
        assertTrue(headline > 0);
        String after = html.substring(headline, headline + 600);
        assertTrue(after.contains("precision=int8 " + ESCAPED_SCRIPT), after);
        assertTrue(after.contains("95% CI"), after);
        assertTrue(after.contains("Clearly lower than the runner-up, precision=fp32 threads=4"), after);
        assertTrue(html.contains("Highest throughput:"));
    }

    @Test
    void loadsNothingFromElsewhere() {
        Matcher m = Pattern.compile("(?i)(https?:)?//[a-z0-9.-]+[^\\s\"'<>]*").matcher(html);
        while (m.find()) {
            assertEquals(Svg.NAMESPACE, m.group(), "remote reference in the report");
        }
        assertFalse(html.contains("<link"), "no external stylesheets");
        assertFalse(html.contains("<img"), "no images");
        assertFalse(html.contains("@import") || html.contains("url("), "no CSS resources");
    }

    @Test
    void reportsWarmupAndEnvironment() {
        assertTrue(html.contains("Warmup (excluded)"));
        assertTrue(html.contains("Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz"));
        assertTrue(html.contains("avx2 avx512f avx512_vnni"));
        assertTrue(html.contains("64.0 GiB"));
        assertTrue(html.contains("fc904d9e2a1b-dirty"));
        assertTrue(html.contains("e3b0c44298fc…"), "short model hash");
        assertTrue(html.contains("# How to run: inferbench run scenarios/01-quickstart.yaml"), "scenario source");
    }

    @Test
    void ownTemplatesOverrideThePackagedOnesAndFallBackForTheRest(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("report.html"), """
                <!DOCTYPE html>
                <html><body>
                <h1 class="custom" th:text="${report.title}">t</h1>
                <ul><li th:each="c : ${report.configurations}" th:text="${c.label + ': ' + c.status}">c</li></ul>
                <div th:replace="~{fragments :: environment(${report.environment}, ${report.libraries})}"></div>
                </body></html>
                """);
        String custom = ReportRenderer.withTemplates(dir).render(ReportFixtures.run());
        assertTrue(custom.contains("<h1 class=\"custom\">InferBench report: quickstart</h1>"), custom);
        assertTrue(custom.contains("<li>precision=int8 " + ESCAPED_SCRIPT + " &quot;&#39;../: VALID</li>"), custom);
        assertTrue(custom.contains("Intel(R) Xeon(R) Gold 6338"), "packaged fragments are the fallback");
        assertFalse(custom.contains("<svg"));
    }

    @Test
    void withTemplatesRejectsAMissingFolder(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class, () -> ReportRenderer.withTemplates(dir.resolve("nope")));
    }

    @Test
    void writeReplacesTheFileAtomically(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("run/report.html");
        ReportRenderer renderer = new ReportRenderer();
        renderer.write(ReportFixtures.run(), file);
        renderer.write(ReportFixtures.run(), file);
        assertEquals(html, Files.readString(file, StandardCharsets.UTF_8));
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary files left behind");
        }
    }

    /** The first {@code <svg>} whose class list contains {@code cssClass}. */
    static String chart(String html, String cssClass) {
        int at = html.indexOf("class=\"chart " + cssClass + "\"");
        assertTrue(at > 0, "no " + cssClass + " in the report");
        int start = html.lastIndexOf("<svg", at);
        return html.substring(start, html.indexOf("</svg>", at) + "</svg>".length());
    }

    static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
