package io.inferbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The report site built from the real cross-backend result and a nightly series derived from it. */
class SiteBuilderTest {
    /**
     * 30 derived nights then the real run: nights 1–20 at 0.87 of the real latencies, nights 21–30
     * at the real level (a step of +15% at night 21 that the real run continues).
     */
    static List<RunResult> history() {
        RunResult real = SiteFixtures.crossBackend();
        List<RunResult> runs = new ArrayList<>(SiteFixtures.nightly(real, 30, 7, night -> night >= 20 ? 1.0 : 0.87));
        runs.add(real);
        return runs;
    }

    @Test
    void buildsEveryPageAndFindsTheStep() throws IOException {
        Path dir = Path.of("target/site-test");
        SiteBuilder.Site site = new SiteBuilder(new ReportRenderer()).build(history(), dir);
        assertEquals(31, site.runs());
        assertEquals(1, site.scenarios());
        assertEquals(30, site.comparisons());
        assertTrue(Files.isRegularFile(dir.resolve("index.html")));
        assertTrue(Files.isRegularFile(dir.resolve("compare.html")));
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            assertEquals(31, runs.count());
        }
        String history = Files.readString(dir.resolve("scenarios/cross-backend.html"));
        assertTrue(history.contains("history-chart"), "history chart");
        // Each of the 4 configurations shows the step at night 21 (index 20), +15% give or take noise.
        for (String label : List.of("model=minilm-fp32 backend=onnxruntime", "model=ocr-cls backend=tensorflow")) {
            assertTrue(history.contains(label + ": median latency +"), history.lines()
                    .filter(l -> l.contains("median latency")).toList().toString());
        }
        assertTrue(history.contains("from run 20261122-023509-cross-backend-derived-night-021"), history.lines()
                .filter(l -> l.contains("median latency")).toList().toString());
        String run = Files.readString(dir.resolve("runs/20261122-023509-cross-backend.html"));
        assertTrue(run.contains("accuracy-chart"), "accuracy chart on the real run's page");
        assertTrue(run.contains("href=\"../index.html\""));
        String index = Files.readString(dir.resolve("index.html"));
        assertTrue(index.replace("&#39;", "'").contains("script-src 'sha256-"), "CSP allows the script by hash");
        assertFalse(index.contains("unsafe-eval"));
    }
}
