package io.inferbench.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --templates DIR} restyles the site too: a user's copy of a site template and of site.js wins. */
class SiteTemplatesTest {
    @Test
    void ownTemplatesAndScriptAreUsedAndTheScriptIsAllowedByItsHash(@TempDir Path dir) throws IOException {
        Path own = Files.createDirectories(dir.resolve("templates"));
        String index;
        try (var in = ReportRenderer.class.getClassLoader().getResourceAsStream("reports-templates/site-index.html")) {
            index = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Files.writeString(own.resolve("site-index.html"), index.replace("<h1 th:text=\"${index.title}\">",
                "<p class=\"brand\">ACME benchmarks</p><h1 th:text=\"${index.title}\">"));
        String script = "document.body.dataset.branded = 'yes';";
        Files.writeString(own.resolve("site.js"), script);
        Path site = dir.resolve("site");
        new SiteBuilder(ReportRenderer.withTemplates(own)).build(List.of(ReportFixtures.run()), site);
        String html = Files.readString(site.resolve("index.html"));
        assertTrue(html.contains("ACME benchmarks"), "the user's template");
        assertTrue(html.contains(script), "the user's script");
        assertTrue(html.replace("&#39;", "'").contains(ReportRenderer.csp(script)), "its hash in the CSP");
        // Templates left out fall back to the packaged ones.
        assertTrue(Files.readString(site.resolve("scenarios/quickstart.html")).contains("InferBench history"));
    }
}
