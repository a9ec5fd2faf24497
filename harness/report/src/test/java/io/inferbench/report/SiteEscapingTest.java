package io.inferbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.RunResult;
import io.inferbench.result.ScenarioRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names from results with {@code <script>}, quotes and {@code ../} — in configuration labels, run
 * ids and scenario names — stay text on every site page and in no file name.
 */
class SiteEscapingTest {
    static final String HOSTILE_ID = "../../evil\"'<script>alert(1)</script>";
    static final String HOSTILE_SCENARIO = "../x/<img src=x onerror=alert(2)>\"'";

    static RunResult hostile(String runId, java.time.Instant start) {
        RunResult r = ReportFixtures.run();
        ScenarioRecord s = r.scenario();
        return new RunResult(r.schema(), runId, start, start.plusSeconds(30),
                new ScenarioRecord(s.file(), HOSTILE_SCENARIO, s.description(), s.sha256(), s.source()),
                r.environment(), r.configurations(), r.summary());
    }

    @Test
    void hostileNamesStayTextAndInsideTheSite(@TempDir Path root) throws IOException {
        Path dir = root.resolve("site");
        java.time.Instant t = java.time.Instant.parse("2026-11-20T00:00:00Z");
        new SiteBuilder(new ReportRenderer()).build(List.of(hostile(HOSTILE_ID, t),
                hostile(HOSTILE_ID, t.plusSeconds(86_400)), hostile("..", t.plusSeconds(2 * 86_400))), dir);
        try (Stream<Path> outside = Files.list(root)) {
            assertEquals(List.of(dir), outside.toList(), "nothing written beside the site folder");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !f.equals(dir.resolve(SiteManifest.FILE))).toList();
        }
        assertTrue(Files.isRegularFile(dir.resolve(SiteManifest.FILE)), "the site's manifest");
        // runs, the scenario's history (p50, p99, throughput), comparisons, index + chooser
        assertEquals(3 + 3 + 2 + 2, files.size(), files.toString());
        Pattern safe = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*\\.html");
        for (Path f : files) {
            assertTrue(f.normalize().startsWith(dir), f.toString());
            assertTrue(safe.matcher(f.getFileName().toString()).matches(), "file name " + f.getFileName());
            String html = Files.readString(f);
            assertFalse(html.contains("<script>alert"), f + " has a live script from a name");
            assertFalse(html.contains("<img src=x"), f + " has a live element from a name");
            // No event-handler attribute (text inside quoted attribute values is inert and left out).
            assertFalse(Pattern.compile("<[^>]*\\son[a-z]+=").matcher(html.replaceAll("\"[^\"]*\"", "\"\""))
                    .find(), f + " has an event handler");
            assertFalse(Pattern.compile("href=\"[^\"]*\\.\\./\\.\\./evil").matcher(html).find(), f + " links outside");
            assertTrue(html.contains("Content-Security-Policy"), f + " has a CSP");
            // The only scripts are InferBench's own: the data block and site.js, allowed by hash.
            Matcher scripts = Pattern.compile("<script\\b([^>]*)>").matcher(html);
            while (scripts.find()) {
                String attrs = scripts.group(1);
                assertTrue(attrs.isEmpty() || attrs.contains("type=\"application/json\""), f + ": <script" + attrs);
            }
        }
        String chooser = Files.readString(dir.resolve("compare.html"));
        String data = chooser.substring(chooser.indexOf("id=\"site-data\">") + 15, chooser.indexOf("</script>"));
        assertFalse(data.contains("<") || data.contains(">") || data.contains("&"), "data block escaped: " + data);
        assertTrue(data.contains("\\u003cscript\\u003ealert(1)"), "names kept, as escaped JSON text");
        String index = Files.readString(dir.resolve("index.html"));
        assertTrue(index.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "run id shown as text");
        assertTrue(index.contains("&lt;img src=x onerror=alert(2)&gt;"), "scenario name shown as text");
    }

    @Test
    void pathSegmentsAreSanitised() {
        assertEquals("evil-script-alert-1-script", SitePaths.slug(HOSTILE_ID));
        assertEquals("unnamed", SitePaths.slug(".."));
        assertEquals("unnamed", SitePaths.slug("/"));
        assertEquals("a.-b", SitePaths.slug("a..b"));
        assertEquals("20261122-101500-quickstart", SitePaths.slug("20261122-101500-quickstart"));
        SitePaths paths = new SitePaths();
        assertEquals("run", paths.unique("run"));
        assertEquals("RUN-2", paths.unique("RUN"));
        assertEquals("run-3", paths.unique("run/"));
        assertTrue(SitePaths.slug("x".repeat(500)).length() <= 80);
    }
}
