package io.inferbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.GateRecordJson;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site's run page is made from the run's own {@code report.html} when that is current (stamped with
 * the result's digest, the templates and the renderer version), and is then the page rendering would
 * give, byte for byte; a stale, foreign or tampered report is not used.
 */
class SiteReportReuseTest {
    private static final String NIGHT_2 = "runs/20261122-023509-cross-backend-derived-night-002.html";

    /** Three nights as `inferbench run` leaves them: result.json and report.html from the same result. */
    private static List<Path> runFolders(Path root) throws IOException {
        ReportRenderer renderer = new ReportRenderer();
        List<Path> files = new ArrayList<>();
        List<RunResult> runs = SiteFixtures.nightly(SiteFixtures.crossBackend(), 3, 5, n -> 1.0);
        for (int i = 0; i < runs.size(); i++) {
            Path f = root.resolve("results/n" + (i + 1) + "/result.json");
            ResultJson.write(runs.get(i), f);
            renderer.write(runs.get(i), f.resolveSibling("report.html"));
            files.add(f);
        }
        return files;
    }

    private static List<SiteInput> inputs(List<Path> files) throws IOException {
        List<SiteInput> inputs = new ArrayList<>();
        for (Path f : files) {
            inputs.add(SiteInput.read(f));
        }
        return inputs;
    }

    @Test
    void aCurrentReportGivesTheRenderedPageByteForByte(@TempDir Path dir) throws IOException {
        List<Path> files = runFolders(dir);
        Path gate = files.get(1).resolveSibling(GateRecordJson.FILE);
        RunResult night2 = ResultJson.read(files.get(1));
        GateRecordJson.write(SiteGateTest.gate(night2, false, List.of(SiteGateTest.verdict(
                night2.configurations().get(0).label(), "p50", io.inferbench.result.GateRecord.Outcome.REGRESSION,
                1.15))), gate);
        new SiteBuilder(new ReportRenderer()).buildFrom(inputs(files), dir.resolve("reused"));
        Path report = files.get(2).resolveSibling("report.html");
        String marked = Files.readString(report).replace("<header>", "<header><!-- from report.html -->");
        Files.writeString(report, marked);
        new SiteBuilder(new ReportRenderer()).buildFrom(inputs(files), dir.resolve("marked"));
        assertTrue(Files.readString(dir.resolve("marked").resolve(NIGHT_2.replace("002", "003")))
                .contains("<!-- from report.html -->"), "the page was made from the run's report.html");
        for (Path f : files) {
            Files.delete(f.resolveSibling("report.html"));
        }
        new SiteBuilder(new ReportRenderer()).buildFrom(inputs(files), dir.resolve("rendered"));

        String reused = Files.readString(dir.resolve("reused").resolve(NIGHT_2));
        assertEquals(Files.readString(dir.resolve("rendered").resolve(NIGHT_2)), reused);
        assertTrue(reused.contains("<nav class=\"site\""), "the site's navigation is on the page");
        assertTrue(reused.contains("id=\"gate\""), "the gate's section is on the page");
        assertFalse(reused.contains(ReportRenderer.NAV_MARK) || reused.contains(ReportRenderer.GATE_MARK),
                "the marks are replaced");
    }

    @Test
    void aStaleReportIsRenderedAgain(@TempDir Path dir) throws IOException {
        List<Path> files = runFolders(dir);
        Path report = files.get(1).resolveSibling("report.html");
        // The report of another result (night 1's) in night 2's folder: its stamp names other bytes.
        Files.copy(files.get(0).resolveSibling("report.html"), report, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        new SiteBuilder(new ReportRenderer()).buildFrom(inputs(files), dir.resolve("site"));
        String page = Files.readString(dir.resolve("site").resolve(NIGHT_2));
        assertTrue(page.contains("night-002"), "night 2's page shows night 2");
        assertFalse(page.contains("<title>InferBench report: cross-backend-derived-night-001"), page.substring(0, 400));
    }

    @Test
    void theStampNamesTheResultTheTemplatesAndTheVersion(@TempDir Path dir) throws IOException {
        List<Path> files = runFolders(dir);
        SiteInput input = SiteInput.read(files.get(0));
        ReportRenderer renderer = new ReportRenderer();
        String stamp = renderer.stamp(input.resultDigest());
        assertTrue(stamp.startsWith(ReportRenderer.REPORT_VERSION + " inferbench "), stamp);
        assertTrue(stamp.endsWith(" result " + input.resultDigest()), stamp);
        assertNotNull(input.currentReport(stamp), "the report `run` wrote is current");
        assertNull(input.currentReport(renderer.stamp("0".repeat(64))), "another result's stamp");

        Path own = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(own.resolve("site.js"), "// mine\n");
        assertNull(input.currentReport(ReportRenderer.withTemplates(own).stamp(input.resultDigest())),
                "other templates");

        Path report = files.get(0).resolveSibling("report.html");
        Files.delete(report);
        Files.createDirectory(report);
        assertNull(input.currentReport(stamp), "a report that is not a file is rendered again");
    }

    @Test
    void aTemplateWithoutMarksHasItsSitePagesRenderedWithTheNavigation(@TempDir Path dir) throws IOException {
        List<Path> files = runFolders(dir);
        Path own = Files.createDirectories(dir.resolve("templates"));
        String packaged = new String(ReportRenderer.class.getClassLoader()
                .getResourceAsStream(ReportRenderer.TEMPLATE_FOLDER + "report.html").readAllBytes(), StandardCharsets.UTF_8);
        String unmarked = packaged.replace(ReportRenderer.NAV_MARK, "").replace(ReportRenderer.GATE_MARK, "");
        assertFalse(unmarked.equals(packaged));
        Files.writeString(own.resolve("report.html"), unmarked);
        ReportRenderer renderer = ReportRenderer.withTemplates(own);
        assertNull(renderer.sitePage(renderer.render(SiteFixtures.crossBackend()).getBytes(StandardCharsets.UTF_8),
                null, null));

        new SiteBuilder(renderer).buildFrom(inputs(files), dir.resolve("site"));
        String page = Files.readString(dir.resolve("site").resolve(NIGHT_2));
        assertTrue(page.contains("<nav class=\"site\""), "the navigation, from the `site` variable");
    }
}
