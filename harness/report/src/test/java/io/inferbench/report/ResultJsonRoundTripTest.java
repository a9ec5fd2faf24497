package io.inferbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report is rendered from stored results, so the records must survive the JSON mapping:
 * write → read gives an equal result and the same page, and a checked-in result document
 * ({@code report/run-fixture.json}, written by an earlier build) still reads and renders.
 */
class ResultJsonRoundTripTest {
    private static final String STORED = "/report/run-fixture.json";

    @Test
    void writtenResultReadsBackEqualAndRendersTheSamePage(@TempDir Path dir) throws IOException {
        RunResult run = ReportFixtures.run();
        Path file = dir.resolve("20261122-101500-quickstart/result.json");
        ResultJson.write(run, file);
        RunResult read = ResultJson.read(file);
        assertEquals(run, read);
        ReportRenderer renderer = new ReportRenderer();
        assertEquals(renderer.render(run), renderer.render(read));
    }

    @Test
    void storedResultDocumentStillReadsAndRenders(@TempDir Path dir) throws IOException {
        if (Boolean.getBoolean("inferbench.updateGolden")) {
            ResultJson.write(ReportFixtures.run(), Path.of("src/test/resources" + STORED));
        }
        Path file = dir.resolve("result.json");
        try (InputStream in = getClass().getResourceAsStream(STORED)) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        RunResult stored = ResultJson.read(file);
        assertEquals(ReportFixtures.run(), stored, "fixture code and " + STORED + " disagree; regenerate the file "
                + "with ResultJson.write(ReportFixtures.run(), ...) if the change is intended");
        String html = new ReportRenderer().render(stored);
        assertTrue(html.contains("Lowest median latency:"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }
}
